using Orleans.Concurrency;

namespace Signals.Feed;

/// <summary>
/// The recent-activity feed (key <see cref="Catalog.CatalogKeys.Default"/>): a ring of recent entries plus live observers,
/// so <c>signals tail</c> needs no stream provider on the client.
/// </summary>
[Alias("Signals.Feed.IActivityFeedGrain")]
public interface IActivityFeedGrain : IGrainWithStringKey
{
    /// <summary>One-way: publishing activity must never slow the pipeline down.</summary>
    [OneWay]
    [Alias("Publish")]
    Task PublishAsync(ActivityEntry entry);

    [AlwaysInterleave]
    [Alias("GetRecent")]
    Task<IReadOnlyList<ActivityEntry>> GetRecentAsync(int max);

    /// <summary>Observers expire unless they resubscribe within <see cref="ActivityFeed.ObserverLifetime"/>.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IActivityObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IActivityObserver observer);
}
