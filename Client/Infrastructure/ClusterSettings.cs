namespace Signals.Client.Infrastructure;

/// <summary>
/// Where the cluster is: Redis clustering when <see cref="RedisConnection"/> is set, else a gateway on localhost.
/// </summary>
public sealed record ClusterSettings(
    string? RedisConnection,
    int GatewayPort,
    string ClusterId,
    string ServiceId,
    TimeSpan ConnectTimeout)
{
    public const int DefaultGatewayPort = 30000;
    public const string DefaultClusterId = "signals";
    public const string DefaultServiceId = "signals";
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Where we tried to connect, for messages; never includes a Redis password.</summary>
    public string Describe() => RedisConnection is null
        ? $"gateway localhost:{GatewayPort}"
        : $"Redis clustering at {RedisEndpoint(RedisConnection)}";

    private static string RedisEndpoint(string connection)
    {
        // A StackExchange.Redis string is "host:port,option=value,...": the first part carries no secret.
        var first = connection.Split(',', 2)[0].Trim();
        return first.Contains('=', StringComparison.Ordinal) ? "(configured endpoint)" : first;
    }
}
