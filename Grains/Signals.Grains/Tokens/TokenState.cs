using Signals.Alerts;

namespace Signals.Tokens;

[GenerateSerializer]
[Alias("Signals.Tokens.TokenState")]
public sealed class TokenState
{
    [Id(0)]
    public string? Chain { get; set; }

    [Id(1)]
    public string? Address { get; set; }

    [Id(2)]
    public string? Ticker { get; set; }

    /// <summary>One entry per (channel, message) that mentioned the token.</summary>
    [Id(3)]
    public List<MentionRecord> Mentions { get; set; } = [];

    /// <summary>Ids of events already applied, oldest first; bounded, since a repeat only comes soon after the original.</summary>
    [Id(4)]
    public List<string> SeenEventIds { get; set; } = [];

    [Id(5)]
    public List<FiredRecord> Fired { get; set; } = [];

    /// <summary>Alerts decided and persisted here but not yet confirmed in their destination's outbox.</summary>
    [Id(6)]
    public List<Alert> PendingHandoffs { get; set; } = [];

    [Id(7)]
    public long EventsSeen { get; set; }

    [Id(8)]
    public long DuplicatesIgnored { get; set; }
}
