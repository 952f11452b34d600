using Orleans.Serialization;
using Signals.Ownership;

namespace Signals.Sessions.Ownership;

/// <summary>
/// Reads and writes a session's state: serialised, encrypted (AES-GCM, the session name as associated data, so one
/// session's ciphertext cannot be passed off as another's), and written with the lease's fencing token.
/// </summary>
public sealed class SessionVault(IFencedSessionStore store, SecretProtector protector, Serializer<SessionState> serializer)
{
    /// <summary>The state, or null for a session never saved. Throws <see cref="SecretProtectionException"/> when it cannot be decrypted.</summary>
    public async Task<SessionState?> LoadAsync(string session)
    {
        var data = await store.ReadAsync(session);
        if (data is null)
        {
            return null;
        }

        return serializer.Deserialize(protector.Unprotect(data, Purpose(session)));
    }

    /// <summary>False when a newer owner exists: the write was refused and nothing changed.</summary>
    public Task<bool> SaveAsync(string session, long fencingToken, SessionState state)
    {
        var plaintext = serializer.SerializeToArray(state);
        try
        {
            return store.WriteAsync(session, fencingToken, protector.Protect(plaintext, Purpose(session)));
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    private static string Purpose(string session) => SessionStatePurpose.For(session);
}
