namespace Signals.Telegram.Model;

public enum LoginStatus
{
    LoggedIn = 0,
    PasswordNeeded = 1,
    CodeInvalid = 2,
    CodeExpired = 3,
    PasswordInvalid = 4,
    PhoneNumberInvalid = 5,
    PhoneNumberBanned = 6,
}
