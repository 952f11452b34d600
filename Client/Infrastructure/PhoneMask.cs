namespace Signals.Client.Infrastructure;

/// <summary>
/// The only form of a phone number the CLI ever prints: the leading '+' and country digit and the last two digits,
/// enough for a person to recognise their own number, too little to reuse it.
/// </summary>
public static class PhoneMask
{
    public static string Mask(string phone)
    {
        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length < 6)
        {
            return new string('*', Math.Max(digits.Length, 4));
        }

        return $"+{digits[0]}{new string('*', digits.Length - 3)}{digits[^2]}{digits[^1]}";
    }
}
