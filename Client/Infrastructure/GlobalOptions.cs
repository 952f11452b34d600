using System.CommandLine;
using System.CommandLine.Parsing;

namespace Signals.Client.Infrastructure;

/// <summary>Options every command accepts (recursive on the root command) and how they resolve with the environment.</summary>
public sealed class GlobalOptions
{
    public const string RedisEnvironmentVariable = "ConnectionStrings__Redis";
    public const string ClusterIdEnvironmentVariable = "Orleans__ClusterId";
    public const string ServiceIdEnvironmentVariable = "Orleans__ServiceId";

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to standard output instead of tables.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log diagnostics (and stack traces of failures) to standard error.",
        Recursive = true,
    };

    public Option<string?> Redis { get; } = new("--redis")
    {
        Description = $"Redis connection string of a cluster using Redis clustering (default: ${RedisEnvironmentVariable}).",
        HelpName = "connection",
        Recursive = true,
    };

    public Option<int?> Gateway { get; } = new("--gateway")
    {
        Description = $"Gateway port of a silo on localhost (default {ClusterSettings.DefaultGatewayPort}).",
        HelpName = "port",
        Recursive = true,
        Validators = { r => ValidatePort(r) },
    };

    public Option<string?> ClusterId { get; } = new("--cluster-id")
    {
        Description = $"Orleans cluster id (default: ${ClusterIdEnvironmentVariable} or '{ClusterSettings.DefaultClusterId}').",
        HelpName = "id",
        Recursive = true,
    };

    public Option<string?> ServiceId { get; } = new("--service-id")
    {
        Description = $"Orleans service id (default: ${ServiceIdEnvironmentVariable} or '{ClusterSettings.DefaultServiceId}').",
        HelpName = "id",
        Recursive = true,
    };

    public Option<TimeSpan?> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "How long to try reaching the cluster, e.g. 10s (default 10s).",
        HelpName = "duration",
        Recursive = true,
        CustomParser = ParseDuration,
    };

    public IEnumerable<Option> All => [Json, Verbose, Redis, Gateway, ClusterId, ServiceId, ConnectTimeout];

    /// <summary>
    /// Explicit options win over the environment; an explicit <c>--gateway</c> also wins over a Redis connection
    /// string inherited from the environment, because that is what the person typed.
    /// </summary>
    public ClusterSettings Resolve(ParseResult parse, IConsoleIO io)
    {
        var redis = parse.GetValue(Redis);
        var gateway = parse.GetValue(Gateway);
        if (string.IsNullOrWhiteSpace(redis) && gateway is null)
        {
            redis = io.GetEnvironmentVariable(RedisEnvironmentVariable);
        }

        return new ClusterSettings(
            string.IsNullOrWhiteSpace(redis) ? null : redis,
            gateway ?? ClusterSettings.DefaultGatewayPort,
            FirstNonEmpty(parse.GetValue(ClusterId), io.GetEnvironmentVariable(ClusterIdEnvironmentVariable), ClusterSettings.DefaultClusterId),
            FirstNonEmpty(parse.GetValue(ServiceId), io.GetEnvironmentVariable(ServiceIdEnvironmentVariable), ClusterSettings.DefaultServiceId),
            parse.GetValue(ConnectTimeout) ?? ClusterSettings.DefaultConnectTimeout);
    }

    private static string FirstNonEmpty(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;

    private static void ValidatePort(OptionResult result)
    {
        if (result.GetValueOrDefault<int?>() is { } port && port is < 1 or > 65535)
        {
            result.AddError($"--gateway must be a port between 1 and 65535, not {port}.");
        }
    }

    internal static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DurationText.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"'{text}' is not a duration; use a number and a unit such as 30s, 10m, 12h or 2d.");
        return null;
    }
}
