namespace Signals.Telegram.Emulator.World;

/// <summary>Phones are compared as bare digits, so "+999 66 1 0001" and "9996610001" are one account.</summary>
internal static class PhoneNumber
{
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(phone.Length);
        foreach (var c in phone.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '+'))
            {
                return null;
            }
        }

        // E.164 numbers have at most 15 digits; Telegram's shortest real ones have 7 or more.
        return digits.Length is >= 7 and <= 15 ? digits.ToString() : null;
    }
}
