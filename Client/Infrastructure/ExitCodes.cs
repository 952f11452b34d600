namespace Signals.Client.Infrastructure;

/// <summary>The process exit codes scripts can rely on (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The cluster answered, but the operation did not succeed (refused, not found, failed login).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or usage; nothing was attempted.</summary>
    public const int Usage = 2;

    /// <summary>No cluster could be reached within the connect timeout.</summary>
    public const int Unreachable = 3;

    /// <summary><c>signals parse</c> skipped at least one malformed input line.</summary>
    public const int Skipped = 4;
}
