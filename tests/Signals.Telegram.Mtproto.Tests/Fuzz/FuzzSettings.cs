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

    /// <summary>Handshake steps cost RSA and 2048-bit DH work, so they get a fiftieth of the encrypted count.</summary>
    public static int HandshakeIterations => Math.Max(200, EncryptedIterations / 50);

    public static int Seed => Read("MTPROTO_FUZZ_SEED", 3198);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
