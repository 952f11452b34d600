namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>A server fault armed for the next <see cref="Count"/> events (requests, difference calls, pushes).</summary>
public sealed record CountRequest(int? Count);
