namespace Signals.Client.Infrastructure;

/// <summary>
/// A failure meant for the person at the terminal: its message is printed as is (no stack trace) and
/// <see cref="ExitCode"/> becomes the process exit code.
/// </summary>
public class CliException : Exception
{
    public CliException()
        : this(ExitCodes.Failed, "The operation failed.")
    {
    }

    public CliException(string message)
        : this(ExitCodes.Failed, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Failed;
    }

    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
