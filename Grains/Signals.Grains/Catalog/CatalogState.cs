namespace Signals.Catalog;

[GenerateSerializer]
[Alias("Signals.Catalog.CatalogState")]
public sealed class CatalogState
{
    [Id(0)]
    public Dictionary<string, SessionEntry> Sessions { get; set; } = [];

    [Id(1)]
    public Dictionary<string, ChannelEntry> Channels { get; set; } = [];

    [Id(2)]
    public Dictionary<string, DestinationEntry> Destinations { get; set; } = [];

    [Id(3)]
    public long Version { get; set; }
}
