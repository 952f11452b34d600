namespace Signals.Telegram.Emulator.World;

/// <summary>What the world knows about one auth key; guarded by the world's lock.</summary>
internal sealed class AuthKeyState(long id, byte[] key)
{
    public long Id { get; } = id;

    public byte[] Key { get; } = key;

    /// <summary>The account this key is logged in as, once signIn / checkPassword succeeded.</summary>
    public long? UserId { get; set; }

    /// <summary>Set between a signIn that answered SESSION_PASSWORD_NEEDED and the checkPassword that follows.</summary>
    public long? PasswordPendingUserId { get; set; }

    /// <summary>A destroyed key (duplicated, revoked) is never usable again; the client must make a new one.</summary>
    public bool IsDestroyed { get; set; }

    /// <summary>The session name the key was last opened under, so faults can target a session.</summary>
    public string? SessionName { get; set; }

    public List<WorldConnection> Live { get; } = [];

    public int MaxLive { get; set; }
}
