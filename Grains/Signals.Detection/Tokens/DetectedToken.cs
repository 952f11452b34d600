namespace Signals.Detection;

/// <summary>A token reference found in a post. <see cref="Ticker"/> is the "$TICKER" written next to it, without '$'.</summary>
/// <remarks>A value: a post's tokens are one array, not an array plus an object per token.</remarks>
public readonly record struct DetectedToken(Chain Chain, string Address, string? Ticker)
{
    /// <summary>"chain:address", the identity of a token across posts and channels.</summary>
    public string Key => $"{ChainNames.ToName(Chain)}:{Address}";
}
