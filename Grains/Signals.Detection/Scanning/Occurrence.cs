namespace Signals.Detection.Scanning;

/// <summary>
/// One place where a valid address was seen. Segment 0 is the post text, 1… its hidden links, so sorting by
/// (Segment, Start) gives the order a reader meets them.
/// </summary>
internal readonly record struct Occurrence(int Segment, int Start, int End, Chain Chain, string Address, bool ChainFromLink);
