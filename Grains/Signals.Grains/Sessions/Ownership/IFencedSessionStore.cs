namespace Signals.Sessions.Ownership;

/// <summary>
/// Where a session's state lives, written only with the session's newest fencing token: a stale owner (a paused silo,
/// a second cluster) has its write refused by the store itself, not by a check it could race.
/// </summary>
public interface IFencedSessionStore
{
    Task<byte[]?> ReadAsync(string session);

    /// <summary>Writes when <paramref name="token"/> is the newest token granted for the session; false (nothing written) otherwise.</summary>
    Task<bool> WriteAsync(string session, long token, byte[] data);
}
