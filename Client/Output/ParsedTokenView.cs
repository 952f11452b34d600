namespace Signals.Client.Output;

/// <summary>A detected token as <c>signals parse --json</c> prints it; chain names as in issue 5 (solana, base, evm, ton…).</summary>
public sealed record ParsedTokenView(string Chain, string Address, string? Ticker);
