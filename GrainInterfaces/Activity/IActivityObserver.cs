using Orleans.Concurrency;

namespace Signals.Activity;

[Alias("Signals.Activity.IActivityObserver")]
public interface IActivityObserver : IGrainObserver
{
    [OneWay]
    [Alias("OnActivity")]
    Task OnActivityAsync(ActivityEntry entry);
}
