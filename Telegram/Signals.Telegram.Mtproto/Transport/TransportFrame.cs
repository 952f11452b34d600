using System.Buffers;

namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// One decoded frame. <see cref="Payload"/> is a slice of the buffer handed to the decoder — valid until the caller
/// releases that buffer (for a pipe: until AdvanceTo) — so nothing is copied or allocated per frame.
/// </summary>
public readonly struct TransportFrame
{
    private TransportFrame(TransportFrameKind kind, ReadOnlySequence<byte> payload, int errorCode, uint quickAckToken, bool quickAckRequested)
    {
        Kind = kind;
        Payload = payload;
        ErrorCode = errorCode;
        QuickAckToken = quickAckToken;
        QuickAckRequested = quickAckRequested;
    }

    public TransportFrameKind Kind { get; }

    public ReadOnlySequence<byte> Payload { get; }

    /// <summary>For <see cref="TransportFrameKind.TransportError"/>: the code as sent, negative (e.g. -404).</summary>
    public int ErrorCode { get; }

    /// <summary>For <see cref="TransportFrameKind.QuickAck"/>: the acknowledged token with its marker bit cleared.</summary>
    public uint QuickAckToken { get; }

    /// <summary>For payloads a server reads: the client asked for a quick ack.</summary>
    public bool QuickAckRequested { get; }

    public static TransportFrame ForPayload(ReadOnlySequence<byte> payload, bool quickAckRequested = false) =>
        new(TransportFrameKind.Payload, payload, 0, 0, quickAckRequested);

    public static TransportFrame ForError(int errorCode) => new(TransportFrameKind.TransportError, default, errorCode, 0, false);

    public static TransportFrame ForQuickAck(uint token) => new(TransportFrameKind.QuickAck, default, 0, token & 0x7FFF_FFFF, false);

    public override string ToString() => Kind switch
    {
        TransportFrameKind.TransportError => $"TransportError({ErrorCode})",
        TransportFrameKind.QuickAck => $"QuickAck({QuickAckToken:X8})",
        _ => $"Payload({Payload.Length} bytes)",
    };
}
