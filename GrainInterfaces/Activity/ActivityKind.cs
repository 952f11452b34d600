namespace Signals.Activity;

[GenerateSerializer]
[Alias("Signals.Activity.ActivityKind")]
public enum ActivityKind
{
    PostRead = 0,
    SignalPublished = 1,
    AlertRaised = 2,
    AlertDelivered = 3,
    AlertDeferred = 4,
    SessionChanged = 5,
    Error = 6,
}
