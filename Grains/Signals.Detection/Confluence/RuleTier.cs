namespace Signals.Detection;

/// <summary>A threshold: at least <see cref="MinChannels"/> (weighted) distinct channels within <see cref="Window"/> before now.</summary>
public sealed record RuleTier(int MinChannels, TimeSpan Window);
