namespace Signals.Silo.Configuration;

/// <summary>Configuration that cannot work; each line names a key and what is wrong with it.</summary>
public sealed class SiloConfigurationException : Exception
{
    public SiloConfigurationException()
    {
        Errors = [];
    }

    public SiloConfigurationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public SiloConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public SiloConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
