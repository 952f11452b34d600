using System.Net;

namespace Signals.Silo.Configuration;

/// <summary>
/// The silo's settings, read from the standard keys (ConnectionStrings:Redis, Orleans:*, Signals:*) and checked before
/// anything starts: a bad value stops the silo with a message that names the key.
/// </summary>
public sealed record SiloSettings(
    string? RedisConnectionString,
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    IPAddress? AdvertisedIPAddress,
    bool DemoEnabled,
    int DemoPostsPerMinute,
    int DemoSeed,
    TelegramSettings Telegram)
{
    public bool Embedded => RedisConnectionString is null;

    public static SiloSettings Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var redis = configuration.GetConnectionString("Redis");
        if (redis is not null && string.IsNullOrWhiteSpace(redis))
        {
            redis = null;
        }

        if (redis is not null)
        {
            try
            {
                _ = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            }
            catch (ArgumentException)
            {
                errors.Add("ConnectionStrings:Redis is not a valid Redis connection string (expected host:port[,option=value…]).");
            }
        }

        var clusterId = Text(configuration, "Orleans:ClusterId", "signals", errors);
        var serviceId = Text(configuration, "Orleans:ServiceId", "signals", errors);
        var siloPort = Port(configuration, "Orleans:Endpoints:SiloPort", 11111, errors);
        var gatewayPort = Port(configuration, "Orleans:Endpoints:GatewayPort", 30000, errors);
        if (siloPort == gatewayPort && errors.Count == 0)
        {
            errors.Add($"Orleans:Endpoints:SiloPort and Orleans:Endpoints:GatewayPort must differ (both are {siloPort}).");
        }

        IPAddress? advertised = null;
        var advertisedText = configuration["Orleans:Endpoints:AdvertisedIPAddress"];
        if (!string.IsNullOrWhiteSpace(advertisedText) && !IPAddress.TryParse(advertisedText, out advertised))
        {
            errors.Add($"Orleans:Endpoints:AdvertisedIPAddress must be an IP address; got '{advertisedText}'.");
        }

        var demoEnabled = Bool(configuration, "Signals:Demo:Enabled", redis is null, errors);
        var postsPerMinute = Int(configuration, "Signals:Demo:PostsPerMinute", 40, 1, 60_000, errors);
        var seed = Int(configuration, "Signals:Demo:Seed", 7, int.MinValue, int.MaxValue, errors);
        var telegram = TelegramSettings.Load(configuration, errors);
        if (demoEnabled && telegram.Mode != TelegramMode.EmbeddedEmulator && errors.Count == 0)
        {
            errors.Add($"Signals:Demo:Enabled needs Signals:Telegram:Mode EmbeddedEmulator (the demo seeds the silo's own emulated world); the mode is {telegram.Mode}.");
        }
        if (errors.Count > 0)
        {
            throw new SiloConfigurationException(errors);
        }

        return new SiloSettings(redis, clusterId, serviceId, siloPort, gatewayPort, advertised, demoEnabled, postsPerMinute, seed, telegram);
    }

    private static string Text(IConfiguration configuration, string key, string fallback, List<string> errors)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (value.Length is 0 or > 64 || value.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')))
        {
            errors.Add($"{key} must be 1 to 64 letters, digits, '-', '_' or '.'; got '{value}'.");
        }

        return value;
    }

    private static int Port(IConfiguration configuration, string key, int fallback, List<string> errors) =>
        Int(configuration, key, fallback, 1, 65535, errors);

    private static int Int(IConfiguration configuration, string key, int fallback, int min, int max, List<string> errors)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, out var parsed) || parsed < min || parsed > max)
        {
            errors.Add($"{key} must be a whole number between {min} and {max}; got '{value}'.");
            return fallback;
        }

        return parsed;
    }

    private static bool Bool(IConfiguration configuration, string key, bool fallback, List<string> errors)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (!bool.TryParse(value, out var parsed))
        {
            errors.Add($"{key} must be true or false; got '{value}'.");
            return fallback;
        }

        return parsed;
    }
}
