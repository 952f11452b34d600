using System.Buffers;
using System.Buffers.Binary;

namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// Abridged framing: length/4 in one byte (0x01..0x7e) or 0x7f + 3 little-endian bytes. From a server, a first byte
/// with the high bit set starts a 4-byte quick ack (byte-swapped, so the marker bit comes first on the wire).
/// </summary>
public sealed class AbridgedCodec : TransportCodec
{
    private const byte ExtendedLengthMarker = 0x7F;
    private const int MaxWords = 0xFF_FFFF;

    public AbridgedCodec(TransportRole role, int maxPayloadLength = DefaultMaxPayloadLength)
        : base(role, maxPayloadLength)
    {
    }

    public override TransportKind Kind => TransportKind.Abridged;

    public override ReadOnlySpan<byte> ClientPrefix => [0xEF];

    public override int GetFrameLength(int payloadLength) => (payloadLength / 4 < ExtendedLengthMarker ? 1 : 4) + payloadLength;

    public override int WriteFrame(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        CheckOutgoingPayload(payload);
        var words = payload.Length / 4;
        if (words > MaxWords)
        {
            throw new ArgumentException("Payload too large for the abridged transport.", nameof(payload));
        }

        int header;
        if (words < ExtendedLengthMarker)
        {
            destination[0] = (byte)words;
            header = 1;
        }
        else
        {
            destination[0] = ExtendedLengthMarker;
            destination[1] = (byte)words;
            destination[2] = (byte)(words >> 8);
            destination[3] = (byte)(words >> 16);
            header = 4;
        }

        payload.CopyTo(destination[header..]);
        return header + payload.Length;
    }

    public override bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out TransportFrame frame)
    {
        frame = default;
        Span<byte> head = stackalloc byte[4];
        if (!TryPeek(buffer, head[..1]))
        {
            return false;
        }

        var first = head[0];
        var quickAckRequested = false;
        if ((first & 0x80) != 0)
        {
            if (Role == TransportRole.Client)
            {
                if (!TryPeek(buffer, head))
                {
                    return false;
                }

                frame = TransportFrame.ForQuickAck(BinaryPrimitives.ReadUInt32BigEndian(head));
                buffer = buffer.Slice(4);
                return true;
            }

            quickAckRequested = true;
            first &= 0x7F;
        }

        int headerLength;
        long words;
        if (first < ExtendedLengthMarker)
        {
            headerLength = 1;
            words = first;
        }
        else
        {
            if (!TryPeek(buffer, head))
            {
                return false;
            }

            headerLength = 4;
            words = head[1] | (head[2] << 8) | (head[3] << 16);
        }

        var length = words * 4;
        CheckPayloadLength(length);
        if (buffer.Length < headerLength + length)
        {
            return false;
        }

        frame = ClassifyPayload(buffer.Slice(headerLength, length), quickAckRequested);
        buffer = buffer.Slice(headerLength + length);
        return true;
    }
}
