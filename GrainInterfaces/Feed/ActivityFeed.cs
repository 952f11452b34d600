namespace Signals.Feed;

public static class ActivityFeed
{
    /// <summary>How long a subscription lives without a renewal; clients resubscribe at a third of it.</summary>
    public static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(1);
}
