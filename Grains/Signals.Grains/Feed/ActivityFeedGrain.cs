using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Signals.Feed;

/// <summary>
/// Recent activity in memory only: a live view for people, not a record (the grains' own state is the record).
/// </summary>
public sealed class ActivityFeedGrain(ILogger<ActivityFeedGrain> logger) : Grain, IActivityFeedGrain
{
    private const int Capacity = 500;

    private readonly Queue<ActivityEntry> _recent = new();
    private readonly ObserverManager<IActivityObserver> _observers = new(ActivityFeed.ObserverLifetime, logger);

    public Task PublishAsync(ActivityEntry entry)
    {
        _recent.Enqueue(entry);
        while (_recent.Count > Capacity)
        {
            _recent.Dequeue();
        }

        _observers.Notify(o => o.OnActivityAsync(entry));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ActivityEntry>> GetRecentAsync(int max) =>
        Task.FromResult<IReadOnlyList<ActivityEntry>>(_recent.TakeLast(Math.Clamp(max, 1, Capacity)).ToList());

    public Task SubscribeAsync(IActivityObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IActivityObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
