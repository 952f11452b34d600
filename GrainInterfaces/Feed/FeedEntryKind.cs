namespace Signals.Feed;

[GenerateSerializer]
[Alias("Signals.Feed.FeedEntryKind")]
public enum FeedEntryKind
{
    PostRead = 0,
    SignalPublished = 1,
    AlertRaised = 2,
    AlertDelivered = 3,
    AlertDeferred = 4,
    SessionChanged = 5,
    Error = 6,
}
