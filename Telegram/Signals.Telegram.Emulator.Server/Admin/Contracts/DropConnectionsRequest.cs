namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>The server drops the TCP connection, unanswered, on the next <see cref="Count"/> RPC requests.</summary>
public sealed record DropConnectionsRequest(int? Count);
