namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>
/// Telegram's username alphabet (letters, digits, underscores; a letter first). Length is not enforced beyond 32:
/// tests like short names, and the world does not care.
/// </summary>
internal static class Usernames
{
    public const string Rule = "a username is 1-32 letters, digits or underscores, starting with a letter (an \"@\" in front is allowed)";

    public static bool IsValid(string username)
    {
        var name = username.StartsWith('@') ? username[1..] : username;
        return name.Length is >= 1 and <= 32
            && char.IsAsciiLetter(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    public static string Bare(string username) => username.StartsWith('@') ? username[1..] : username;
}
