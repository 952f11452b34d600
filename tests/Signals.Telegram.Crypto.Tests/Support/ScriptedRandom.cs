using System.Security.Cryptography;

namespace Signals.Telegram.Crypto.Tests.Support;

/// <summary>A "random" generator that hands out prepared bytes in order, so randomised algorithms become testable.</summary>
internal sealed class ScriptedRandom : RandomNumberGenerator
{
    private readonly byte[] _bytes;
    private int _position;

    public ScriptedRandom(params byte[][] chunks)
    {
        _bytes = chunks.SelectMany(c => c).ToArray();
    }

    public int Remaining => _bytes.Length - _position;

    public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

    public override void GetBytes(Span<byte> data)
    {
        if (_position + data.Length > _bytes.Length)
        {
            throw new InvalidOperationException($"Script exhausted: {data.Length} bytes asked, {Remaining} left.");
        }

        _bytes.AsSpan(_position, data.Length).CopyTo(data);
        _position += data.Length;
    }
}
