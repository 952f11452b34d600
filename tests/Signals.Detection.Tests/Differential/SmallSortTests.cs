using Signals.Detection.Scanning;

namespace Signals.Detection.Tests.Differential;

public sealed class SmallSortTests
{
    [Fact]
    public void Occurrences_come_out_in_reading_order_and_ties_keep_the_order_they_were_found_in()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 24))
                .Select(k => new Occurrence(random.Next(3), random.Next(8), 0, Chain.Solana, "a" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), false))
                .ToArray();
            var expected = items.OrderBy(o => o.Segment).ThenBy(o => o.Start).ToArray(); // LINQ's OrderBy is stable
            SmallSort.ByPosition(items);
            Assert.Equal(expected, items);
        }
    }

    [Fact]
    public void Ranges_come_out_by_start()
    {
        var random = new Random(6);
        for (var round = 0; round < 200; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 24)).Select(k => new TextRange(random.Next(10), 100 + k)).ToArray();
            var expected = items.OrderBy(r => r.Start).ToArray();
            SmallSort.ByStart(items);
            Assert.Equal(expected, items);
        }
    }
}
