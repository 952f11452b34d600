using System.Buffers;
using System.Buffers.Binary;

namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// A sans-IO framing codec for one connection: it turns payloads into frames and a growing receive buffer into
/// frames, never touching a socket. Lengths are checked against <see cref="MaxPayloadLength"/> before any bytes of
/// the payload are awaited, and decoded payloads are slices of the input, so a peer can make it allocate nothing.
/// Not thread-safe: one reader and one writer at a time, as a connection has.
/// </summary>
public abstract class TransportCodec
{
    /// <summary>Large enough for any Telegram response (file parts are at most 512 KB), small enough to bound memory.</summary>
    public const int DefaultMaxPayloadLength = 2 * 1024 * 1024;

    protected TransportCodec(TransportRole role, int maxPayloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPayloadLength, 4);
        Role = role;
        MaxPayloadLength = maxPayloadLength;
    }

    public abstract TransportKind Kind { get; }

    public TransportRole Role { get; }

    public int MaxPayloadLength { get; }

    /// <summary>What a client sends once, before its first frame (empty for the full transport).</summary>
    public abstract ReadOnlySpan<byte> ClientPrefix { get; }

    public static TransportCodec Create(TransportKind kind, TransportRole role, int maxPayloadLength = DefaultMaxPayloadLength) => kind switch
    {
        TransportKind.Abridged => new AbridgedCodec(role, maxPayloadLength),
        TransportKind.Intermediate => new IntermediateCodec(role, maxPayloadLength),
        TransportKind.Full => new FullCodec(role, maxPayloadLength),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transport."),
    };

    /// <summary>Bytes a frame of this payload occupies on the wire.</summary>
    public abstract int GetFrameLength(int payloadLength);

    /// <summary>Writes one frame and returns its length. For the full transport this consumes a sequence number.</summary>
    public abstract int WriteFrame(ReadOnlySpan<byte> payload, Span<byte> destination);

    public void WriteFrame(ReadOnlySpan<byte> payload, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = GetFrameLength(payload.Length);
        var written = WriteFrame(payload, writer.GetSpan(length));
        writer.Advance(written);
    }

    public byte[] EncodeFrame(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[GetFrameLength(payload.Length)];
        WriteFrame(payload, frame);
        return frame;
    }

    /// <summary>A server's transport error: a frame whose 4-byte payload is the negative code (e.g. -404).</summary>
    public byte[] EncodeTransportError(int errorCode)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(errorCode, 0);
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(payload, errorCode);
        return EncodeFrame(payload);
    }

    /// <summary>
    /// Takes one complete frame off the front of <paramref name="buffer"/>. False (buffer untouched) when more bytes
    /// are needed; throws <see cref="TransportException"/> when the bytes cannot be a valid frame.
    /// </summary>
    public abstract bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out TransportFrame frame);

    protected void CheckPayloadLength(long length)
    {
        if (length <= 0)
        {
            throw new TransportException(TransportFailure.FrameTooSmall, $"{Kind} frame with a payload of {length} bytes.");
        }

        if (length > MaxPayloadLength)
        {
            throw new TransportException(TransportFailure.FrameTooLarge, $"{Kind} frame of {length} bytes exceeds the {MaxPayloadLength}-byte limit.");
        }

        if (length % 4 != 0)
        {
            throw new TransportException(TransportFailure.LengthNotAligned, $"{Kind} frame of {length} bytes is not word-aligned.");
        }
    }

    protected static void CheckOutgoingPayload(ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0 || payload.Length % 4 != 0)
        {
            throw new ArgumentException($"MTProto payloads are whole, non-empty 4-byte words; got {payload.Length} bytes.", nameof(payload));
        }
    }

    /// <summary>A 4-byte payload holding a negative int is a transport error, not a message.</summary>
    protected TransportFrame ClassifyPayload(ReadOnlySequence<byte> payload, bool quickAckRequested)
    {
        if (Role == TransportRole.Client && payload.Length == 4)
        {
            Span<byte> word = stackalloc byte[4];
            payload.CopyTo(word);
            var value = BinaryPrimitives.ReadInt32LittleEndian(word);
            if (value < 0)
            {
                return TransportFrame.ForError(value);
            }
        }

        return TransportFrame.ForPayload(payload, quickAckRequested);
    }

    protected static bool TryPeek(in ReadOnlySequence<byte> buffer, Span<byte> destination)
    {
        if (buffer.Length < destination.Length)
        {
            return false;
        }

        buffer.Slice(0, destination.Length).CopyTo(destination);
        return true;
    }
}
