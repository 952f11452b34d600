using Signals.Streaming.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Units;

public sealed class StreamEntryIdTests
{
    [Theory]
    [InlineData("1700000000000-5", 1700000000000UL, 5UL)]
    [InlineData("7-18446744073709551615", 7UL, ulong.MaxValue)]
    [InlineData("42", 42UL, 0UL)]
    public void Parses_the_milliseconds_and_sequence_redis_assigned(string id, ulong milliseconds, ulong sequence)
    {
        var parsed = StreamEntryId.Parse(id);

        Assert.Equal(new StreamEntryId(milliseconds, sequence), parsed);
        Assert.Equal($"{milliseconds}-{sequence}", parsed.ToString());
    }
}
