namespace Signals.Telegram.Emulator.World;

/// <summary>
/// Access hashes derived from the peer id, so a world rebuilt the same way (a restarted demo) hands out the same
/// hashes and peers cached in a session's state stay valid.
/// </summary>
internal static class AccessHash
{
    public static long For(long peerId, long salt)
    {
        // SplitMix64's finaliser: a cheap, well-mixed bijection.
        var z = unchecked((ulong)(peerId ^ salt) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((long)(z ^ (z >> 31)));
    }
}
