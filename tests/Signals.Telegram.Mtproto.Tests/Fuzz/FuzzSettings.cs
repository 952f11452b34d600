using System.Globalization;

namespace Signals.Telegram.Mtproto.Tests.Fuzz;

/// <summary>
/// Sizes of the fuzz campaigns. The defaults fit the suite's budget; a longer campaign sets
/// MTPROTO_FUZZ_ITERATIONS (encrypted messages per side; handshake messages scale with it) and MTPROTO_FUZZ_SEED.
/// </summary>
internal static class FuzzSettings
{
    public const int DefaultEncryptedIterations = 100_000;

    public static int EncryptedIterations => Read("MTPROTO_FUZZ_ITERATIONS", DefaultEncryptedIterations);

    /// <summary>
    /// Handshake steps cost RSA and 2048-bit DH work (about 10 ms with the replay of earlier steps), so each side gets
    /// a four-hundredth of the encrypted count: 250 by default.
    /// </summary>
    public static int HandshakeIterations => Math.Max(100, EncryptedIterations / 400);

    public static int Seed => Read("MTPROTO_FUZZ_SEED", 3198);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
