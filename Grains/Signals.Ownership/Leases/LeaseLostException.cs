namespace Signals.Ownership;

/// <summary>Thrown by <see cref="LeaseKeeper.ThrowIfNotHeld"/>: the session must not be used without its lease.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LeaseLostException(string session, LeaseLoss? loss)
        : base(loss is null
            ? $"Session '{session}' holds no lease."
            : $"Session '{session}' lost its lease ({loss.Reason}): {loss.Detail}")
    {
        Session = session;
        Loss = loss;
    }

    public string? Session { get; }

    public LeaseLoss? Loss { get; }
}
