namespace Signals.Sessions;

/// <summary>
/// A session could not do what was asked: not logged in, not connected, or Telegram refused. Crosses silos and reaches
/// the CLI, so its message is written for a person and never names a secret.
/// </summary>
[GenerateSerializer]
[Alias("Signals.Sessions.SessionCallException")]
public sealed class SessionCallException : Exception
{
    public SessionCallException()
    {
    }

    public SessionCallException(string message)
        : base(message)
    {
    }

    public SessionCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SessionCallException(string message, string errorCode, bool needsLogin, bool transient)
        : base(message)
    {
        ErrorCode = errorCode;
        NeedsLogin = needsLogin;
        Transient = transient;
    }

    /// <summary>Telegram's error name (e.g. USERNAME_NOT_OCCUPIED), or NOT_LOGGED_IN / NOT_CONNECTED.</summary>
    [Id(0)]
    public string ErrorCode { get; init; } = "UNKNOWN";

    [Id(1)]
    public bool NeedsLogin { get; init; }

    [Id(2)]
    public bool Transient { get; init; }
}
