using Orleans.Configuration;

namespace Signals.Silo.Configuration;

/// <summary>
/// How fast a Redis-mode cluster notices a dead silo and brings its sessions back elsewhere (<c>Orleans:Membership:*</c>,
/// <c>Signals:Reminders:MinimumReminderPeriod</c>). Orleans' own defaults (5 s probes, 3 misses, 2 votes) declare a
/// killed silo dead after 6 s or more, longer than the 5 s a session may be offline; these defaults detect it in about
/// 2 s. A silo has to be unreachable for two probe periods in a row to be voted out, so a pause shorter than that (a
/// long GC) is survived, and a slow network only costs a higher <c>ProbeTimeout</c>. See docs/benchmarks.md
/// ("Session ownership") for the measured failover.
/// </summary>
public sealed record MembershipSettings(
    TimeSpan ProbeTimeout,
    int NumMissedProbesLimit,
    int NumVotesForDeathDeclaration,
    TimeSpan TableRefreshTimeout,
    TimeSpan IAmAliveTablePublishTimeout,
    TimeSpan MinimumReminderPeriod)
{
    public const string Section = "Orleans:Membership";
    // Not under Orleans:Reminders: Orleans reads that section itself, as the name of a reminder provider.
    public const string ReminderPeriodKey = "Signals:Reminders:MinimumReminderPeriod";

    public static MembershipSettings Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var section = configuration.GetSection(Section);
        var settings = new MembershipSettings(
            Duration(section, "ProbeTimeout", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1), errors),
            Count(section, "NumMissedProbesLimit", 2, 1, 10, errors),
            Count(section, "NumVotesForDeathDeclaration", 2, 1, 10, errors),
            Duration(section, "TableRefreshTimeout", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10), errors),
            Duration(section, "IAmAliveTablePublishTimeout", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), errors),
            // Lets Signals:Sessions:WatchdogPeriod go below Orleans' one-minute floor: the watchdog is what revives a session
            // nobody calls after its silo died, so its period bounds that session's failover.
            Duration(configuration, ReminderPeriodKey, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), errors));
        if (errors.Count > 0)
        {
            throw new SiloConfigurationException(errors);
        }

        return settings;
    }

    public void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = NumMissedProbesLimit;
        options.NumVotesForDeathDeclaration = NumVotesForDeathDeclaration;
        options.TableRefreshTimeout = TableRefreshTimeout;
        options.IAmAliveTablePublishTimeout = IAmAliveTablePublishTimeout;
    }

    public void Apply(ReminderOptions options) => options.MinimumReminderPeriod = MinimumReminderPeriod;

    private static TimeSpan Duration(IConfiguration section, string key, TimeSpan fallback, TimeSpan min, TimeSpan max, List<string> errors)
    {
        var value = section[key];
        if (value is null)
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            errors.Add($"{Path(section, key)} must be a duration between {min} and {max} (hh:mm:ss); got '{value}'.");
            return fallback;
        }

        return parsed;
    }

    private static int Count(IConfiguration section, string key, int fallback, int min, int max, List<string> errors)
    {
        var value = section[key];
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, out var parsed) || parsed < min || parsed > max)
        {
            errors.Add($"{Path(section, key)} must be a whole number between {min} and {max}; got '{value}'.");
            return fallback;
        }

        return parsed;
    }

    private static string Path(IConfiguration section, string key) =>
        section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
}
