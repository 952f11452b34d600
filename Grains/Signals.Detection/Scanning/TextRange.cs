namespace Signals.Detection.Scanning;

/// <summary>A half-open character range [Start, End) inside one segment.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public bool Overlaps(int start, int end) => start < End && Start < end;
}
