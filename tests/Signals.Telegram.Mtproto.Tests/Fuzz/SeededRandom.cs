using System.Security.Cryptography;

namespace Signals.Telegram.Mtproto.Tests.Fuzz;

/// <summary>Reproducible "randomness": two instances with one seed give one key exchange, byte for byte.</summary>
internal sealed class SeededRandom(int seed) : RandomNumberGenerator
{
    private readonly Random _random = new(seed);

    public override void GetBytes(byte[] data) => _random.NextBytes(data);

    public override void GetBytes(Span<byte> data) => _random.NextBytes(data);
}
