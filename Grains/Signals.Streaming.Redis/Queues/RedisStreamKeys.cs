using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>Key layout of one provider: <c>{prefix}{provider}:q:{n}</c> per queue and <c>{prefix}{provider}:dead</c>.</summary>
internal sealed class RedisStreamKeys
{
    private readonly string _root;

    public RedisStreamKeys(string keyPrefix, string serviceId, string providerName)
    {
        _root = keyPrefix.Replace(RedisStreamOptions.ServiceIdToken, serviceId, StringComparison.Ordinal) + providerName + ":";
        DeadLetters = _root + "dead";
    }

    public RedisKey DeadLetters { get; }

    public RedisKey Queue(uint queueNumber) => _root + "q:" + queueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
