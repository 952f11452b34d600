namespace Signals.Sessions;

[GenerateSerializer]
[Alias("Signals.Sessions.SendOutcome")]
public enum SendOutcome
{
    Sent = 0,
    AlreadySent = 1,
    FloodWait = 2,
    Transient = 3,
    Permanent = 4,
    NotLoggedIn = 5,
}
