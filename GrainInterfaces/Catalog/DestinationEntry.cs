namespace Signals.Catalog;

/// <summary>Where alerts go: a chat (<see cref="Peer"/>, "@name" or numeric id), sent by <see cref="Session"/>, under <see cref="Rules"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Catalog.DestinationEntry")]
public sealed record DestinationEntry(
    [property: Id(0)] string Name,
    [property: Id(1)] DeliveryChannelKind Via,
    [property: Id(2)] string Session,
    [property: Id(3)] string Peer,
    [property: Id(4)] IReadOnlyList<AlertRuleConfig> Rules);
