using Signals.Telegram.Client.Session;

namespace Signals.Telegram.Client;

/// <summary>Session blobs made outside a connection.</summary>
public static class MtprotoSessionBlobs
{
    /// <summary>
    /// A blob for an auth key made elsewhere (the emulator mints logged-in keys for tests and the demo). Salt and clock
    /// offset start at 0; the server corrects both with its first answer (bad_server_salt, bad_msg_notification).
    /// </summary>
    public static byte[] ForAuthKey(int dcId, byte[] authKey)
    {
        ArgumentNullException.ThrowIfNull(authKey);
        ArgumentOutOfRangeException.ThrowIfNotEqual(authKey.Length, SessionStateCodec.AuthKeyLength, nameof(authKey));
        var state = new SessionState(dcId);
        state.SetKey(new DcAuthorization(dcId, [.. authKey], Salt: 0, TimeOffsetSeconds: 0, Authorized: false));
        return SessionStateCodec.Write(state);
    }
}
