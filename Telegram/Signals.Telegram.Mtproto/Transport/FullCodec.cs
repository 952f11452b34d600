using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// Full framing: total length (payload + 12), a per-direction sequence number from 0, the payload, and CRC32 over
/// everything before it. Incoming sequence numbers must arrive in order; a gap or repeat is a broken connection.
/// </summary>
public sealed class FullCodec : TransportCodec
{
    private const int Overhead = 12;
    private readonly Crc32 _crc = new();
    private int _sendSequence;
    private int _receiveSequence;

    public FullCodec(TransportRole role, int maxPayloadLength = DefaultMaxPayloadLength)
        : base(role, maxPayloadLength)
    {
    }

    public override TransportKind Kind => TransportKind.Full;

    public override ReadOnlySpan<byte> ClientPrefix => [];

    /// <summary>The sequence number the next written frame will carry.</summary>
    public int SendSequence => _sendSequence;

    /// <summary>The sequence number the next read frame must carry.</summary>
    public int ReceiveSequence => _receiveSequence;

    public override int GetFrameLength(int payloadLength) => Overhead + payloadLength;

    public override int WriteFrame(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        CheckOutgoingPayload(payload);
        var total = Overhead + payload.Length;
        var frame = destination[..total];
        BinaryPrimitives.WriteInt32LittleEndian(frame, total);
        BinaryPrimitives.WriteInt32LittleEndian(frame[4..], _sendSequence);
        payload.CopyTo(frame[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[^4..], Crc32.HashToUInt32(frame[..^4]));
        _sendSequence++;
        return total;
    }

    public override bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out TransportFrame frame)
    {
        frame = default;
        Span<byte> word = stackalloc byte[4];
        if (!TryPeek(buffer, word))
        {
            return false;
        }

        var total = BinaryPrimitives.ReadInt32LittleEndian(word);
        if (total < 0)
        {
            // Servers have been seen answering a bare negative code (e.g. -429) in place of a frame.
            if (Role == TransportRole.Client)
            {
                frame = TransportFrame.ForError(total);
                buffer = buffer.Slice(4);
                return true;
            }

            throw new TransportException(TransportFailure.NegativeLength, $"Full frame with negative length {total}.");
        }

        if (total < Overhead + 4)
        {
            throw new TransportException(TransportFailure.FrameTooSmall, $"Full frame of {total} bytes cannot hold a payload.");
        }

        CheckPayloadLength((long)total - Overhead);
        if (buffer.Length < total)
        {
            return false;
        }

        var whole = buffer.Slice(0, total);
        var covered = whole.Slice(0, total - 4);
        foreach (var segment in covered)
        {
            _crc.Append(segment.Span);
        }

        var actual = _crc.GetCurrentHashAsUInt32();
        _crc.Reset();
        whole.Slice(total - 4, 4).CopyTo(word);
        if (BinaryPrimitives.ReadUInt32LittleEndian(word) != actual)
        {
            throw new TransportException(TransportFailure.BadChecksum, "Full frame CRC32 mismatch.");
        }

        whole.Slice(4, 4).CopyTo(word);
        var sequence = BinaryPrimitives.ReadInt32LittleEndian(word);
        if (sequence != _receiveSequence)
        {
            throw new TransportException(TransportFailure.SequenceMismatch, $"Full frame sequence {sequence}, expected {_receiveSequence}.");
        }

        _receiveSequence++;
        frame = ClassifyPayload(whole.Slice(8, total - Overhead), quickAckRequested: false);
        buffer = buffer.Slice(total);
        return true;
    }
}
