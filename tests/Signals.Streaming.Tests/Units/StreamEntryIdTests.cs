using Signals.Streaming.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Units;

public sealed class StreamEntryIdTests
{
    [Theory]
    [InlineData("1-0", "1-1")]
    [InlineData("1700000000000-5", "1700000000000-6")]
    [InlineData("7-18446744073709551615", "8-0")]
    public void Successor_is_the_next_id_redis_could_assign(string id, string next) =>
        Assert.Equal(next, StreamEntryId.Parse(id).Successor().ToString());

    [Fact]
    public void Ids_order_by_time_then_sequence_not_as_text()
    {
        Assert.True(StreamEntryId.Parse("9-0").CompareTo(StreamEntryId.Parse("10-0")) < 0);
        Assert.True(StreamEntryId.Parse("10-2").CompareTo(StreamEntryId.Parse("10-10")) < 0);
        Assert.Equal("3-1", StreamEntryId.Min(StreamEntryId.Parse("3-1"), StreamEntryId.Parse("3-2")).ToString());
    }
}
