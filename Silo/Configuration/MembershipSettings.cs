using Orleans.Configuration;
using SessionOptions = Signals.Sessions.SessionOptions;

namespace Signals.Silo.Configuration;

/// <summary>
/// How fast a Redis-mode cluster notices a dead silo and brings its sessions back elsewhere (<c>Orleans:Membership:*</c>,
/// <c>Signals:Reminders:MinimumReminderPeriod</c>, <c>Signals:Sessions:WatchdogPeriod</c>). Orleans' own defaults (5 s
/// probes, 3 misses, 2 votes) declare a killed silo dead after 6 s or more, longer than the 5 s a session may be
/// offline; these defaults detect it in about 2 s. A silo has to be unreachable for two probe periods in a row to be
/// voted out, so a pause shorter than that (a long GC) is survived, and a slow network only costs a higher
/// <c>ProbeTimeout</c>. A session nobody calls (a reader) comes back only when its watchdog reminder ticks on the silo
/// that took over the reminder, at the next multiple of the period: the silo's default period is 2 s instead of the
/// grains' one minute, for one no-op grain call per logged-in session every 2 s (ticks are not written to the reminder
/// table). See docs/benchmarks.md ("Session ownership") for the measured failover.
/// </summary>
public sealed record MembershipSettings(
    TimeSpan ProbeTimeout,
    int NumMissedProbesLimit,
    int NumVotesForDeathDeclaration,
    TimeSpan TableRefreshTimeout,
    TimeSpan IAmAliveTablePublishTimeout,
    TimeSpan MinimumReminderPeriod,
    TimeSpan SessionWatchdogPeriod)
{
    public const string Section = "Orleans:Membership";
    // Not under Orleans:Reminders: Orleans reads that section itself, as the name of a reminder provider.
    public const string ReminderPeriodKey = "Signals:Reminders:MinimumReminderPeriod";
    public const string WatchdogPeriodKey = SessionOptions.Section + ":" + nameof(SessionOptions.WatchdogPeriod);
    public static readonly TimeSpan DefaultSessionWatchdogPeriod = TimeSpan.FromSeconds(2);

    public static MembershipSettings Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var section = configuration.GetSection(Section);
        // Lets Signals:Sessions:WatchdogPeriod go below Orleans' one-minute floor: the watchdog is what revives a session
        // nobody calls after its silo died, so its period bounds that session's failover.
        var reminderFloor = Duration(configuration, ReminderPeriodKey, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), errors);
        var settings = new MembershipSettings(
            Duration(section, "ProbeTimeout", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1), errors),
            Count(section, "NumMissedProbesLimit", 2, 1, 10, errors),
            Count(section, "NumVotesForDeathDeclaration", 2, 1, 10, errors),
            Duration(section, "TableRefreshTimeout", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10), errors),
            Duration(section, "IAmAliveTablePublishTimeout", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), errors),
            reminderFloor,
            Duration(configuration, WatchdogPeriodKey, DefaultSessionWatchdogPeriod, reminderFloor, TimeSpan.FromHours(1), errors));
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

    public void Apply(SessionOptions options) => options.WatchdogPeriod = SessionWatchdogPeriod;

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
