namespace Signals.Sessions;

[GenerateSerializer]
[Alias("Signals.Sessions.LoginStep")]
public enum LoginStep
{
    CodeRequired = 0,
    PasswordRequired = 1,
    LoggedIn = 2,
    Failed = 3,
}
