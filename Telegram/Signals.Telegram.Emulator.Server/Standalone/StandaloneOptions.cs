using System.Net;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>What a standalone emulator process serves; the console flags map one to one onto these.</summary>
public sealed record StandaloneOptions
{
    /// <summary>The MTProto listener (<c>--listen</c>); port 0 lets the OS choose.</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>The admin HTTP listener (<c>--admin</c>), loopback only; null serves no admin API.</summary>
    public IPEndPoint? Admin { get; init; }

    /// <summary>Where to write the server's public key as PEM for clients (<c>--public-key-out</c>).</summary>
    public string? PublicKeyOut { get; init; }

    /// <summary>A PEM RSA private key to serve with (<c>--private-key</c>); a fresh key is generated otherwise.</summary>
    public string? PrivateKeyFile { get; init; }

    /// <summary>Seed the demo channels and accounts and run the demo feed (<c>--demo</c>).</summary>
    public bool Demo { get; init; }

    /// <summary>Where to write <see cref="ReadyFileContent"/> once both listeners are bound (<c>--ready-file</c>).</summary>
    public string? ReadyFile { get; init; }
}
