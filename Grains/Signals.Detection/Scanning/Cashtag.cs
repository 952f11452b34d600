namespace Signals.Detection.Scanning;

/// <summary>A "$TICKER" at [Start, End) of the post text; <see cref="Ticker"/> is without the dollar sign.</summary>
internal readonly record struct Cashtag(int Start, int End, string Ticker);
