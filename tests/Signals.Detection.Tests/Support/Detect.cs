namespace Signals.Detection.Tests.Support;

/// <summary>Shorthands for detection assertions.</summary>
public static class Detect
{
    public static IReadOnlyList<DetectedToken> In(string text, params string[] links) => TokenDetector.Default.Detect(text, links);

    public static IReadOnlyList<string> Keys(string text, params string[] links) => In(text, links).Select(t => t.Key).ToList();
}
