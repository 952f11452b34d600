namespace Signals.Infrastructure;

/// <summary>Normalises the names people type so that "@Calls", "calls" and " calls " are one channel.</summary>
public static class Names
{
    public static string Channel(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var trimmed = raw.Trim();
        if (trimmed.StartsWith("https://t.me/", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed["https://t.me/".Length..];
        }

        return trimmed.TrimStart('@').ToLowerInvariant();
    }

    /// <summary>Telegram usernames: 4–32 of a-z, 0-9 and '_', starting with a letter. Numeric ids are accepted too.</summary>
    public static bool IsValidChannel(string normalized)
    {
        if (long.TryParse(normalized, out _))
        {
            return true;
        }

        if (normalized.Length is < 4 or > 32 || !char.IsAsciiLetterLower(normalized[0]))
        {
            return false;
        }

        foreach (var c in normalized)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Session and destination names: 1–64 of letters, digits, '-', '_', '.'.</summary>
    public static bool IsValidName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
