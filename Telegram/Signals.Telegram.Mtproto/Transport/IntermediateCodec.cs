using System.Buffers;
using System.Buffers.Binary;

namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// Intermediate framing: a 4-byte little-endian payload length. From a server, a length with the high bit set is a
/// quick ack on its own; from a client, that bit asks for one.
/// </summary>
public sealed class IntermediateCodec : TransportCodec
{
    public IntermediateCodec(TransportRole role, int maxPayloadLength = DefaultMaxPayloadLength)
        : base(role, maxPayloadLength)
    {
    }

    public override TransportKind Kind => TransportKind.Intermediate;

    public override ReadOnlySpan<byte> ClientPrefix => [0xEE, 0xEE, 0xEE, 0xEE];

    public override int GetFrameLength(int payloadLength) => 4 + payloadLength;

    public override int WriteFrame(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        CheckOutgoingPayload(payload);
        BinaryPrimitives.WriteInt32LittleEndian(destination, payload.Length);
        payload.CopyTo(destination[4..]);
        return 4 + payload.Length;
    }

    public override bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out TransportFrame frame)
    {
        frame = default;
        Span<byte> head = stackalloc byte[4];
        if (!TryPeek(buffer, head))
        {
            return false;
        }

        var raw = BinaryPrimitives.ReadUInt32LittleEndian(head);
        var quickAckRequested = false;
        if ((raw & 0x8000_0000) != 0)
        {
            if (Role == TransportRole.Client)
            {
                frame = TransportFrame.ForQuickAck(raw);
                buffer = buffer.Slice(4);
                return true;
            }

            quickAckRequested = true;
            raw &= 0x7FFF_FFFF;
        }

        long length = raw;
        CheckPayloadLength(length);
        if (buffer.Length < 4 + length)
        {
            return false;
        }

        frame = ClassifyPayload(buffer.Slice(4, length), quickAckRequested);
        buffer = buffer.Slice(4 + length);
        return true;
    }
}
