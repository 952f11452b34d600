namespace Signals.Detection;

/// <summary>Detector configuration.</summary>
public sealed record DetectorOptions
{
    /// <summary>
    /// Addresses that are never signals: the coins everything trades against. Entries may be bare addresses or
    /// "chain:address"; EVM entries match in any case.
    /// </summary>
    public IReadOnlyCollection<string> QuoteTokens { get; init; } = DefaultQuoteTokens.All;

    public static DetectorOptions Default { get; } = new();
}
