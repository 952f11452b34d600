namespace Signals.Telegram.Tl.Tests.Support;

/// <summary>GramJS's bytes for one case, or why it could not build them.</summary>
internal sealed record OracleResult(string? Hex, string? Error);
