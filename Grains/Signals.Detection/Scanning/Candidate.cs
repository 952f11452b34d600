namespace Signals.Detection.Scanning;

/// <summary>
/// A stretch of a long run whose length fits some address form, found by <see cref="AddressScanner.FindCandidates"/>
/// and checked later by <see cref="AddressScanner.Validate"/>, once the post's known URLs are known.
/// </summary>
internal readonly record struct Candidate(CandidateKind Kind, int Start, int End);
