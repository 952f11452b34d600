namespace Signals.Tokens;

/// <summary>Configuration section <c>Signals:Tokens</c>.</summary>
public sealed class TokenOptions
{
    public const string Section = "Signals:Tokens";

    /// <summary>Mentions older than this are forgotten; must exceed the longest rule window.</summary>
    public TimeSpan MentionRetention { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How many event ids a token remembers to recognise stream redeliveries.</summary>
    public int RememberedEventIds { get; set; } = 5000;

    /// <summary>How long a token grain trusts its copy of the destinations and rules before asking the catalog.</summary>
    public TimeSpan RulesCacheTime { get; set; } = TimeSpan.FromSeconds(5);
}
