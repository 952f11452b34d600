namespace Signals.Testing;

/// <summary>redis-server quit during start-up (typically: the port was taken after we probed it).</summary>
public sealed class RedisServerExitedException : Exception
{
    public RedisServerExitedException()
    {
    }

    public RedisServerExitedException(string message)
        : base(message)
    {
    }

    public RedisServerExitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
