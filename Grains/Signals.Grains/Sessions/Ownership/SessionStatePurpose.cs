namespace Signals.Sessions.Ownership;

/// <summary>The associated data a session's state is encrypted with: one session's ciphertext cannot pass for another's.</summary>
public static class SessionStatePurpose
{
    public static string For(string session) => "session-state:" + session;
}
