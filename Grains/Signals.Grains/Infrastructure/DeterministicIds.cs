using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Signals.Infrastructure;

/// <summary>
/// Ids derived from content, so a retried step produces the same id and the next stage can recognise the repeat.
/// </summary>
public static class DeterministicIds
{
    public static string SignalEventId(string channel, int messageId, string tokenKey, char kind) =>
        $"{channel}/{messageId}/{tokenKey}/{kind}";

    public static string AlertId(string tokenKey, string destination, string rule, int tier, int sequence)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{tokenKey}|{destination}|{rule}|{tier}|{sequence}"), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>Telegram's random_id for an alert: Telegram drops a second send with the same id to the same peer.</summary>
    public static long RandomIdForAlert(string alertId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("random_id|" + alertId), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }
}
