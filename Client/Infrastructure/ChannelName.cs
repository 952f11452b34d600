namespace Signals.Client.Infrastructure;

/// <summary>Channel names the way reader grains are keyed: username without '@', lower case (t.me links accepted).</summary>
public static class ChannelName
{
    public static string Normalize(string text)
    {
        var s = text.Trim();
        foreach (var prefix in (string[])["https://t.me/", "http://t.me/", "t.me/"])
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..];
                break;
            }
        }

        return s.TrimStart('@').TrimEnd('/').ToLowerInvariant();
    }
}
