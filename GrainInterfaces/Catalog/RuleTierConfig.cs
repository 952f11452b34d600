namespace Signals.Catalog;

/// <summary>One tier of a rule: at least <see cref="MinChannels"/> distinct (weighted) channels within <see cref="Window"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Catalog.RuleTierConfig")]
public sealed record RuleTierConfig(
    [property: Id(0)] int MinChannels,
    [property: Id(1)] TimeSpan Window);
