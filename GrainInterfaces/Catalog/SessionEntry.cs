namespace Signals.Catalog;

[GenerateSerializer, Immutable]
[Alias("Signals.Catalog.SessionEntry")]
public sealed record SessionEntry(
    [property: Id(0)] string Name,
    [property: Id(1)] SessionRole Role);
