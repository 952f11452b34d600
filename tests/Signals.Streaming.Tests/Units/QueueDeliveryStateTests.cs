using Orleans.Providers.Streams.Common;
using Signals.Streaming.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Units;

public sealed class QueueDeliveryStateTests
{
    [Fact]
    public void A_redelivered_entry_gets_a_later_token_and_the_old_one_no_longer_settles_it()
    {
        var state = new QueueDeliveryState(3);
        var first = state.Track("5-0");
        state.Track("6-0");
        var again = state.Track("5-0");

        Assert.True(again > first);
        Assert.Null(state.Delivered(new EventSequenceTokenV2(first)));
        Assert.Equal("5-0", state.Delivered(new EventSequenceTokenV2(again)));
        Assert.False(state.IsInFlight("5-0"));
        Assert.True(state.IsInFlight("6-0"));
    }

    [Fact]
    public void An_entry_of_several_batches_is_acknowledged_only_after_its_last_batch_is_delivered()
    {
        var state = new QueueDeliveryState(0);
        var first = state.Track("7-0", 3);

        Assert.Null(state.Delivered(new EventSequenceTokenV2(first + 2)));
        Assert.Null(state.Delivered(new EventSequenceTokenV2(first)));
        Assert.True(state.IsInFlight("7-0"));
        Assert.Equal("7-0", state.Delivered(new EventSequenceTokenV2(first + 1)));
        Assert.False(state.IsInFlight("7-0"));
        Assert.Equal(0, state.InFlightCount);
    }

    [Fact]
    public void An_entry_with_a_failed_batch_is_never_acknowledged_and_leaves_flight_once_every_batch_settled()
    {
        var state = new QueueDeliveryState(0);
        var first = state.Track("8-0", 2);
        var next = state.Track("9-0");

        Assert.Equal("8-0", state.Failed(new EventSequenceTokenV2(first + 1)));
        Assert.True(state.IsInFlight("8-0"));
        Assert.Null(state.Delivered(new EventSequenceTokenV2(first)));
        Assert.False(state.IsInFlight("8-0"));
        Assert.Null(state.Failed(new EventSequenceTokenV2(first + 1)));
        Assert.Equal(next, first + 2);
        Assert.Equal("9-0", state.Delivered(new EventSequenceTokenV2(next)));
    }
}
