using System.Buffers;

namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// Server side: recognises the transport a new connection speaks from its first bytes and consumes the prefix.
/// 0xef → abridged, 0xeeeeeeee → intermediate, a first frame with sequence number 0 → full.
/// </summary>
public static class TransportDetector
{
    /// <summary>False while fewer bytes than needed have arrived; throws for a transport we do not speak.</summary>
    public static bool TryDetect(ref ReadOnlySequence<byte> buffer, out TransportKind kind)
    {
        kind = default;
        Span<byte> head = stackalloc byte[8];
        if (buffer.Length < 1)
        {
            return false;
        }

        buffer.Slice(0, 1).CopyTo(head);
        if (head[0] == 0xEF)
        {
            kind = TransportKind.Abridged;
            buffer = buffer.Slice(1);
            return true;
        }

        if (buffer.Length < 8)
        {
            return false;
        }

        buffer.Slice(0, 8).CopyTo(head);
        if (head[..4].SequenceEqual((ReadOnlySpan<byte>)[0xEE, 0xEE, 0xEE, 0xEE]))
        {
            kind = TransportKind.Intermediate;
            buffer = buffer.Slice(4);
            return true;
        }

        if (head[..4].SequenceEqual((ReadOnlySpan<byte>)[0xDD, 0xDD, 0xDD, 0xDD]))
        {
            throw new TransportException(TransportFailure.UnsupportedTransport, "Padded intermediate transport is not supported.");
        }

        if (head[4..].SequenceEqual((ReadOnlySpan<byte>)[0, 0, 0, 0]))
        {
            kind = TransportKind.Full;
            return true;
        }

        throw new TransportException(TransportFailure.UnsupportedTransport, "Unrecognised transport (obfuscated, HTTP or garbage).");
    }
}
