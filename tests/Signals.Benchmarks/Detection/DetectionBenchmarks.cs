using BenchmarkDotNet.Attributes;
using Signals.Detection;

namespace Signals.Benchmarks.Detection;

/// <summary>
/// Posts per second through <see cref="TokenDetector"/>. Each benchmark processes a whole batch and reports per
/// post (OperationsPerInvoke), so "Mean" is the time for one post: posts/s = 1 s / Mean. Min is reported too: on
/// a shared machine it is the figure comparable with the Python script's best-of-N.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class DetectionBenchmarks
{
    private const int CorpusPostCount = 46;
    private (string Text, IReadOnlyList<string>? Links)[] _corpus = [];
    private string[] _noisy = [];
    private string _megabyte = string.Empty;
    private readonly TokenDetector _detector = TokenDetector.Default;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusPosts.Load();
        if (_corpus.Length != CorpusPostCount)
        {
            throw new InvalidOperationException($"The corpus has {_corpus.Length} posts; update CorpusPostCount so per-post figures stay right.");
        }

        _noisy = NoisyPosts.Generate();
        _megabyte = NoisyPosts.OneMegabyteOfBase58();
    }

    [Benchmark(OperationsPerInvoke = CorpusPostCount)]
    public int DevCorpusPost()
    {
        var found = 0;
        foreach (var (text, links) in _corpus)
        {
            found += _detector.Detect(text, links).Count;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = NoisyPosts.Count)]
    public int NoisyFourKilobytePost()
    {
        var found = 0;
        foreach (var text in _noisy)
        {
            found += _detector.Detect(text).Count;
        }

        return found;
    }

    [Benchmark]
    public int OneMegabyteBase58Post() => _detector.Detect(_megabyte).Count;
}
