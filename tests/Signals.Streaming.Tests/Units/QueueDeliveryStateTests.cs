using Orleans.Providers.Streams.Common;
using Signals.Streaming.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Units;

public sealed class QueueDeliveryStateTests
{
    [Fact]
    public void A_redelivered_entry_gets_a_later_token_and_the_old_one_no_longer_releases_it()
    {
        var state = new QueueDeliveryState(3);
        var first = state.Track("5-0");
        state.Track("6-0");
        var again = state.Track("5-0");

        Assert.True(again > first);
        Assert.Null(state.Release(new EventSequenceTokenV2(first)));
        Assert.Equal("5-0", state.Release(new EventSequenceTokenV2(again)));
        Assert.False(state.IsInFlight("5-0"));
        Assert.True(state.IsInFlight("6-0"));
    }
}
