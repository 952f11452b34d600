using System.Runtime.CompilerServices;
using Signals.Detection.Scanning;
using Signals.Detection.Tests.Support;

namespace Signals.Detection.Tests.Differential;

public sealed class ScratchListTests
{
    [Fact]
    public void Behaves_like_a_list_through_growth_ranges_and_clears()
    {
        var random = new Random(11);
        var list = new ScratchList<string>();
        var model = new List<string>();
        for (var step = 0; step < 2_000; step++)
        {
            switch (random.Next(10))
            {
                case 0:
                    list.Clear();
                    model.Clear();
                    break;
                case 1:
                    var items = Enumerable.Range(0, random.Next(0, 40)).Select(k => $"r{step}.{k}").ToArray();
                    list.AddRange(items);
                    model.AddRange(items);
                    break;
                default:
                    list.Add($"a{step}");
                    model.Add($"a{step}");
                    break;
            }

            Assert.Equal(model.Count, list.Count);
            Assert.Equal(model, list.ToArray());
            if (model.Count > 0)
            {
                var k = random.Next(model.Count);
                Assert.Equal(model[k], list[k]);
            }
        }
    }

    [Fact]
    public void Reads_past_the_count_are_refused_even_where_an_old_element_still_sits()
    {
        var list = new ScratchList<string>();
        list.Add("old");
        list.Add("older");
        list.Clear();
        list.Add("new");

        Assert.Equal("new", list[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Equal(["new"], list.ToArray());
        var seen = new List<string>();
        foreach (var item in list)
        {
            seen.Add(item);
        }

        Assert.Equal(["new"], seen);
    }

    [Fact]
    public void A_list_that_held_many_references_lets_them_go_when_cleared()
    {
        var list = new ScratchList<object>();
        var tracked = Fill(list, 40);
        list.Clear();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.All(tracked, weak => Assert.False(weak.IsAlive));
    }

    [Fact]
    public void Posts_detected_one_after_another_on_one_thread_report_only_their_own_tokens()
    {
        // The scan's lists keep the previous post's elements past their count; none may show up in the next result.
        var detector = TokenDetector.Default;
        var many = string.Join(
            ' ',
            Enumerable.Range(0, 20).Select(k => TestEncoders.Base58(Enumerable.Range(0, 32).Select(b => (byte)(b * 7 + k + 1)).ToArray())));
        Assert.Equal(20, detector.Detect(many).Count);

        var one = detector.Detect("CA 0xc3d52adab8b98eb86568ced201bf9bc24532005c");
        Assert.Equal([new DetectedToken(Chain.Evm, "0xc3D52ADaB8B98eB86568CED201bF9bC24532005C", null)], one);
        Assert.Empty(detector.Detect("nothing here"));
        Assert.Single(detector.Detect("HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> Fill(ScratchList<object> list, int count)
    {
        var tracked = new List<WeakReference>();
        for (var k = 0; k < count; k++)
        {
            var item = new object();
            tracked.Add(new WeakReference(item));
            list.Add(item);
        }

        return tracked;
    }
}
