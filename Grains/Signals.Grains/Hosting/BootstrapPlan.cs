namespace Signals.Hosting;

/// <summary>What a fresh cluster on the emulator is set up with: who reads, who notifies, which channels, where alerts go.</summary>
public sealed record BootstrapPlan(
    string ReaderSession,
    string ReaderPhone,
    string NotifierSession,
    string NotifierPhone,
    IReadOnlyList<string> Channels,
    string DestinationName,
    string DestinationPeer);
