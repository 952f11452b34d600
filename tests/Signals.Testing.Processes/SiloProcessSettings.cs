namespace Signals.Testing.Processes;

/// <summary>
/// The environment every silo process of a <see cref="ProcessCluster"/> gets: Redis mode on the standalone emulator and
/// the test secrets key (what any deployment has to set), plus, unless the cluster runs on the silo's own defaults, fast
/// loops (as the in-process test clusters use; production defaults are slower on purpose).
/// </summary>
public static class SiloProcessSettings
{
    /// <summary>32 bytes of 0x5A, the test clusters' key (obviously not a production key).</summary>
    public const string SecretsKeyId = "test1";

    public static readonly string SecretsKey = Convert.ToBase64String(Enumerable.Repeat((byte)0x5A, 32).ToArray());

    public static Dictionary<string, string> For(
        string redis,
        string clusterId,
        string serviceId,
        EmulatorProcess emulator,
        int siloPort,
        int gatewayPort,
        IReadOnlyDictionary<string, string>? overrides = null,
        bool fastLoops = true)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = redis,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = serviceId,
            ["Orleans__Endpoints__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Signals__Telegram__Mode"] = "Emulator",
            ["Signals__Telegram__Emulator__Endpoint"] = emulator.MtprotoEndpoint,
            ["Signals__Telegram__Emulator__PublicKeyFile"] = emulator.PublicKeyFile,
            ["Signals__Demo__Enabled"] = "false",
            ["Signals__Secrets__ActiveKeyId"] = SecretsKeyId,
            [$"Signals__Secrets__Keys__{SecretsKeyId}"] = SecretsKey,
            // Quiet Orleans and ASP.NET; Signals' own information lines stay (they explain a failure).
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft"] = "Warning",
            ["Logging__LogLevel__Orleans"] = "Warning",
        };
        if (fastLoops)
        {
            foreach (var (key, value) in FastLoops)
            {
                environment[key] = value;
            }
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>What the test processes change from the silo's defaults so that tests wait less.</summary>
    public static IReadOnlyDictionary<string, string> FastLoops { get; } = new Dictionary<string, string>
    {
        ["Signals__Delivery__MinIntervalPerChat"] = "00:00:00.020",
        ["Signals__Delivery__RetryDelay"] = "00:00:00.200",
        ["Signals__Delivery__MaxRetryDelay"] = "00:00:01",
        ["Signals__Delivery__PollInterval"] = "00:00:00.050",
        ["Signals__Sessions__PumpInterval"] = "00:00:00.050",
        ["Signals__Sessions__ReconnectDelay"] = "00:00:00.200",
        ["Signals__Sessions__MaxReconnectDelay"] = "00:00:01",
        ["Signals__Sessions__WatchdogPeriod"] = "00:00:02",
        ["Signals__Reminders__MinimumReminderPeriod"] = "00:00:01",
        ["Signals__Tokens__RulesCacheTime"] = "00:00:00.500",
        ["Signals__Streams__RedeliveryDelay"] = "00:00:02",
    };
}
