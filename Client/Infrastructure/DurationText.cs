using System.Globalization;

namespace Signals.Client.Infrastructure;

/// <summary>Durations as people type them: <c>45s</c>, <c>30m</c>, <c>12h</c>, <c>2d</c> (one unit, a positive whole number).</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length < 2)
        {
            return false;
        }

        if (!int.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        duration = char.ToLowerInvariant(s[^1]) switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }

    /// <summary>The shortest exact form in the largest whole unit, so <c>Format(Parse(x))</c> round-trips.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return $"{duration.Ticks / TimeSpan.TicksPerDay}d";
        }

        if (duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return $"{duration.Ticks / TimeSpan.TicksPerHour}h";
        }

        if (duration.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return $"{duration.Ticks / TimeSpan.TicksPerMinute}m";
        }

        return $"{(long)duration.TotalSeconds}s";
    }
}
