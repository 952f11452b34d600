using Orleans.Concurrency;

namespace Signals.Feed;

[Alias("Signals.Feed.IActivityObserver")]
public interface IActivityObserver : IGrainObserver
{
    [OneWay]
    [Alias("OnActivity")]
    Task OnActivityAsync(ActivityEntry entry);
}
