namespace Signals.Streaming.Redis;

/// <summary>
/// Redis did not accept (or could not be asked about) a stream entry. For a producer this means the events were
/// NOT durably enqueued: keep your cursor and retry.
/// </summary>
public sealed class RedisStreamUnavailableException : Exception
{
    public RedisStreamUnavailableException()
    {
    }

    public RedisStreamUnavailableException(string message)
        : base(message)
    {
    }

    public RedisStreamUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
