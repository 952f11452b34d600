using Orleans.Concurrency;

namespace Signals.Catalog;

/// <summary>
/// The registry the CLI reads and edits (one per cluster, key <see cref="CatalogKeys.Default"/>):
/// sessions, channels and the session that reads each, destinations and their rules.
/// </summary>
[Alias("Signals.Catalog.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    [Alias("AddSession")]
    Task AddSessionAsync(SessionEntry session);

    [AlwaysInterleave]
    [Alias("ListSessions")]
    Task<IReadOnlyList<SessionEntry>> ListSessionsAsync();

    /// <summary>Joins the channel through the session and assigns its reader. Throws <see cref="CatalogException"/> on bad input.</summary>
    [Alias("AddChannel")]
    Task<ChannelEntry> AddChannelAsync(string channel, string sessionName, int? startAfterMessageId);

    [AlwaysInterleave]
    [Alias("ListChannels")]
    Task<IReadOnlyList<ChannelEntry>> ListChannelsAsync();

    [Alias("AddDestination")]
    Task AddDestinationAsync(DestinationEntry destination);

    [AlwaysInterleave]
    [Alias("ListDestinations")]
    Task<IReadOnlyList<DestinationEntry>> ListDestinationsAsync();

    /// <summary>Adds or replaces a rule (by name) on a destination.</summary>
    [Alias("SetRule")]
    Task SetRuleAsync(string destination, AlertRuleConfig rule);

    /// <summary>A version number that changes whenever destinations or rules change, so token grains can cache rules.</summary>
    [AlwaysInterleave]
    [Alias("GetVersion")]
    Task<long> GetVersionAsync();
}
