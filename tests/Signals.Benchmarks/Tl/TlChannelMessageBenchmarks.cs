using BenchmarkDotNet.Attributes;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Serialization;

namespace Signals.Benchmarks.Tl;

/// <summary>TL serialisation of one channel message each way: write into a reused writer, read from bytes.</summary>
[MemoryDiagnoser]
public class TlChannelMessageBenchmarks
{
    private readonly TlWriter _writer = new(1024);
    private Message _message = null!;
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _message = ChannelMessageSample.Create();
        _bytes = _message.ToBytes();
    }

    [Benchmark]
    public int Serialize()
    {
        _writer.Reset();
        _message.Write(_writer);
        return _writer.Length;
    }

    [Benchmark]
    public MessageBase Deserialize()
    {
        var reader = new TlReader(_bytes);
        return MessageBase.Read(ref reader);
    }
}
