namespace Signals.Telegram.Client.Session;

/// <summary>
/// What one data centre knows us by: the auth key made with it, the current server salt and the clock offset.
/// <see cref="Authorized"/> marks a non-home DC whose key was given the login by auth.importAuthorization.
/// </summary>
internal sealed record DcAuthorization(int DcId, byte[] AuthKey, long Salt, int TimeOffsetSeconds, bool Authorized);
