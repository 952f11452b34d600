namespace Signals.Telegram.Client;

/// <summary>Where a Telegram data centre listens.</summary>
public sealed record DcEndpoint(int Id, string Host, int Port);
