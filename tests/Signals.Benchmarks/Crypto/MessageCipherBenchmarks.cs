using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Signals.Telegram.Crypto;

namespace Signals.Benchmarks.Crypto;

/// <summary>
/// One MTProto 2.0 message encrypted (client → server) and one decrypted (server → client) per operation, the
/// work a connection does per message. Bodies are upload.file objects (a file part) so tests/gramjs/crypto-bench.js
/// can run the same bytes through GramJS's real decrypt path, which parses the object. MB/s = BodyBytes / mean time.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class MessageCipherBenchmarks
{
    private AuthKey _key = null!;
    private byte[] _body = [];
    private byte[] _padding = [];
    private byte[] _outgoing = [];
    private byte[] _incoming = [];
    private byte[] _plaintext = [];

    /// <summary>1020 and 65532 bytes: the 1 KB and 64 KB cases (bodies stay whole 4-byte words).</summary>
    [Params(1020, 65532)]
    public int BodyBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var keyBytes = new byte[AuthKey.Size];
        random.NextBytes(keyBytes);
        _key = new AuthKey(keyBytes);
        _body = new byte[BodyBytes];
        random.NextBytes(_body);
        BinaryPrimitives.WriteUInt32LittleEndian(_body, 0x096a18d5); // upload.file
        BinaryPrimitives.WriteUInt32LittleEndian(_body.AsSpan(4), 0xaa963b05); // storage.fileUnknown
        BinaryPrimitives.WriteInt32LittleEndian(_body.AsSpan(8), 0); // mtime
        BinaryPrimitives.WriteUInt32LittleEndian(_body.AsSpan(12), 0xfe | ((uint)(BodyBytes - 16) << 8)); // bytes header
        _padding = new byte[MessageCipher.GetPaddingLength(BodyBytes)];
        _outgoing = new byte[MessageCipher.GetMessageLength(BodyBytes, _padding.Length)];
        _incoming = MessageCipher.Encrypt(_key, MessageDirection.ServerToClient, new MessageHeader(1, 2, 5, 1), _body);
        _plaintext = new byte[_incoming.Length];
    }

    [Benchmark(Description = "encrypt + decrypt")]
    public int EncryptAndDecrypt()
    {
        var written = MessageCipher.Encrypt(_key, MessageDirection.ClientToServer, new MessageHeader(1, 2, 4, 1), _body, _padding, _outgoing);
        var status = MessageCipher.TryDecrypt(_key, MessageDirection.ServerToClient, _incoming, _plaintext, out var envelope);
        return written + (int)status + envelope.BodyLength;
    }

    [Benchmark(Description = "AES-256-IGE encrypt only")]
    public void AesIgeEncrypt()
    {
        var span = _outgoing.AsSpan(MessageCipher.OuterHeaderSize);
        AesIge.Encrypt(_incoming.AsSpan(0, 32), _incoming.AsSpan(32, 32), span, span);
    }
}
