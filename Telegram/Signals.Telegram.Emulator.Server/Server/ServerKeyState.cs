using System.Collections.Concurrent;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;

namespace Signals.Telegram.Emulator.Server;

/// <summary>What the front end keeps per auth key beyond the world's record: the current salt and the sessions.</summary>
internal sealed class ServerKeyState(AuthKey key, long salt)
{
    public AuthKey Key { get; } = key;

    public long Salt { get; } = salt;

    public ConcurrentDictionary<long, ServerSessionState> Sessions { get; } = new();

    public static long RandomSalt() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
}
