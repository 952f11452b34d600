namespace Signals.Testing.Processes;

/// <summary>
/// What the emulator counted: <see cref="AuthKeyDuplicated"/> must stay 0 (one auth key live on two connections);
/// <see cref="Raw"/> is the whole answer, for failure messages.
/// </summary>
public sealed record EmulatorCounters(long AuthKeyDuplicated, long SessionOverlaps, int LiveWorldConnections, int LiveTcpConnections, string Raw);
