namespace Signals.Telegram.Emulator.Demo;

public sealed class DemoOptions
{
    /// <summary>Same seed, same tokens, same posts in the same order.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>Steps (posts, edits, deletes) per minute across all demo channels.</summary>
    public double PostsPerMinute { get; init; } = 20;

    /// <summary>How many call channels to create (at most <see cref="DemoChannels.All"/>' count).</summary>
    public int ChannelCount { get; init; } = 6;

    /// <summary>Telegram test numbers (99966XYYYY, DC 1), so the login code is "11111" when test codes are on.</summary>
    public string ReaderPhone { get; init; } = "+999 66 1 0001";

    public string NotifierPhone { get; init; } = "+999 66 1 0002";

    /// <summary>A 2FA password for the notifier account, to exercise the password step; none by default.</summary>
    public string? NotifierPassword { get; init; }

    public string? NotifierPasswordHint { get; init; }

    /// <summary>Where alerts go: a channel the notifier administers.</summary>
    public string DestinationUsername { get; init; } = "signals_alerts";

    /// <summary>The reader account starts as a member of every call channel (it may still join again).</summary>
    public bool ReaderJoinsChannels { get; init; } = true;

    /// <summary>Chance per step of editing an earlier call.</summary>
    public double EditShare { get; init; } = 0.04;

    /// <summary>Chance per step of deleting an earlier promo post.</summary>
    public double DeleteShare { get; init; } = 0.03;

    public TimeSpan Interval => TimeSpan.FromMinutes(1 / PostsPerMinute);
}
