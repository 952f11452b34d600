namespace Signals.Detection.Scanning;

/// <summary>A "$TICKER" at [Start, End) of the post text. The ticker is the text after the dollar sign; it becomes a
/// string only when it labels a reported token.</summary>
internal readonly record struct Cashtag(int Start, int End)
{
    public string Ticker(string text) => text.Substring(Start + 1, End - Start - 1);
}
