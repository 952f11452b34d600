namespace Signals.Client.Infrastructure;

/// <summary>
/// Last line of defence for messages that come from elsewhere (the grain, Telegram): whatever the person typed as a
/// secret is blanked out before a message is printed, in case some layer below repeats it.
/// </summary>
public sealed class SecretScrubber
{
    private const string Blank = "***";
    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        _secrets.Add(secret.Trim());
        var digits = new string(secret.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 4)
        {
            _secrets.Add(digits);
        }
    }

    public string Scrub(string text)
    {
        // Longest first, so a digits-only phone inside the formatted one does not leave pieces behind.
        foreach (var secret in _secrets.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Blank, StringComparison.Ordinal);
        }

        return text;
    }
}
