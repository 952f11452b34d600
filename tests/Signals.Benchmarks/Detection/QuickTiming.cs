using System.Diagnostics;
using Signals.Detection;
using Signals.Detection.Scanning;

namespace Signals.Benchmarks.Detection;

/// <summary>
/// A Stopwatch harness for profiling while optimising (`--quick`): best-of-N per input and per scanner pass.
/// On a shared machine the best of many short runs is far steadier than a mean. BenchmarkDotNet stays the
/// source of the published figures.
/// </summary>
public static class QuickTiming
{
    public static void Run(int rounds, string? only = null)
    {
        _only = only;
        var corpus = CorpusPosts.Load();
        var noisy = NoisyPosts.Generate();
        var megabyte = NoisyPosts.OneMegabyteOfBase58();
        var detector = TokenDetector.Default;
        var corpusTexts = corpus.Select(p => p.Text).ToArray();

        Report("dev corpus (per post)", corpus.Length, rounds, () =>
        {
            foreach (var (text, links) in corpus)
            {
                detector.Detect(text, links);
            }
        });
        Report("noisy ~4 KB (per post)", noisy.Length, rounds, () =>
        {
            foreach (var text in noisy)
            {
                detector.Detect(text);
            }
        });
        Report("1 MB base58", 1, Math.Max(3, rounds / 10), () => detector.Detect(megabyte));

        var hex = new byte[40];
        var digest = new byte[32];
        Report("Base58 decode 44 chars (x100)", 100, rounds, () =>
        {
            for (var r = 0; r < 100; r++)
            {
                Signals.Detection.Codecs.Base58.TryDecode32("HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD", digest);
            }
        });
        Report("Base58 bounds check 44 chars (x100)", 100, rounds, () =>
        {
            for (var r = 0; r < 100; r++)
            {
                Signals.Detection.Codecs.Base58.IsNonZeroKey32("HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD");
            }
        });
        Report("Keccak256 of 40 bytes (x100)", 100, rounds, () =>
        {
            for (var r = 0; r < 100; r++)
            {
                Signals.Detection.Codecs.Keccak256.Hash(hex, digest);
            }
        });
        Report("dev corpus, text only (per post)", corpus.Length, rounds, () =>
        {
            foreach (var text in corpusTexts)
            {
                detector.Detect(text);
            }
        });

        Report("dev corpus again (per post)", corpus.Length, rounds, () =>
        {
            foreach (var (text, links) in corpus)
            {
                detector.Detect(text, links);
            }
        });

        // The corpus total is dominated by its two 20 KB posts: time them apart from the short ones.
        var longPosts = corpus.Where(p => p.Text.Length > 1000).ToArray();
        var shortPosts = corpus.Where(p => p.Text.Length <= 1000).ToArray();
        Report($"  corpus: {longPosts.Length} long posts", longPosts.Length, rounds, () =>
        {
            foreach (var (text, links) in longPosts)
            {
                detector.Detect(text, links);
            }
        });
        Report($"  corpus: {shortPosts.Length} short posts", shortPosts.Length, rounds, () =>
        {
            foreach (var (text, links) in shortPosts)
            {
                detector.Detect(text, links);
            }
        });

        // Each corpus post alone (label "post N", only when asked for with a label filter such as "post"): which
        // forms cost what. One short post takes a fraction of the timer's resolution, so each is timed over 20 repeats.
        for (var k = 0; only is not null && k < corpus.Length; k++)
        {
            var (text, links) = corpus[k];
            Report($"  post {k + 1,2} ({text.Length} ch)", 20, rounds, () =>
            {
                for (var r = 0; r < 20; r++)
                {
                    detector.Detect(text, links);
                }
            });
        }

        foreach (var (name, texts) in new[] { ("corpus", (IReadOnlyList<string>)corpusTexts), ("noisy", noisy), ("1mb", [megabyte]) })
        {
            var found = new ScratchList<Occurrence>();
            var ranges = new List<TextRange>();
            var ton = new ScratchList<Occurrence>();
            var hints = new HashSet<Chain>();
            var r = name == "1mb" ? Math.Max(3, rounds / 10) : rounds;
            Report($"  {name}: StripInvisible", texts.Count, r, () => { foreach (var t in texts) { TextNormalizer.StripInvisible(t); } });
            Report($"  {name}: AddressScanner", texts.Count, r, () =>
            {
                foreach (var t in texts)
                {
                    found.Clear();
                    ton.Clear();
                    ranges.Clear();
                    AddressScanner.Scan(t, 0, found, ton, ranges);
                }
            });
            Report($"  {name}: LongRunFinder only", texts.Count, r, () =>
            {
                foreach (var t in texts)
                {
                    var from = 0;
                    var screen = default(TextScreen);
                    while (LongRunFinder.NextFullBlock(t, from, ref screen) is var b && b >= 0)
                    {
                        from = b + LongRunFinder.Block;
                    }
                }
            });
            Report($"  {name}: Links, whole text", texts.Count, r, () => { foreach (var t in texts) { found.Clear(); ranges.Clear(); hints.Clear(); LinkScanner.Scan(t, 0, found, ranges, hints); } });
            var tags = new List<Cashtag>();
            Report($"  {name}: Cashtags", texts.Count, r, () => { foreach (var t in texts) { CashtagScanner.Scan(t, tags); } });
        }
    }

    private static string? _only;

    private static void Report(string label, int posts, int rounds, Action body)
    {
        if (_only is not null && !label.Contains(_only, StringComparison.Ordinal))
        {
            return;
        }

        // Warm up long enough for tiered JIT to reach its optimised code, even on a loaded machine.
        var warm = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warm).TotalMilliseconds < 1000)
        {
            body();
        }

        var best = double.MaxValue;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < rounds; k++)
        {
            var start = Stopwatch.GetTimestamp();
            body();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)rounds / posts;
        var perPost = best / posts;
        Console.WriteLine($"{label,-34} {perPost,10:F3} µs/post  {1e6 / perPost,14:N0} posts/s  {allocated,9:N0} B/post");
    }
}
