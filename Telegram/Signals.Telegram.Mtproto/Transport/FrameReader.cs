using System.Buffers;

namespace Signals.Telegram.Mtproto.Transport;

/// <summary>
/// Reads frames from a stream with a sans-IO codec. The buffer grows only as far as the codec's length checks
/// allow (a frame header is validated before its payload is awaited), so a peer cannot make it allocate at will.
/// </summary>
public sealed class FrameReader(Stream stream)
{
    private const int ReadChunk = 16 * 1024;
    private byte[] _buffer = new byte[ReadChunk];
    private int _start;
    private int _end;

    /// <summary>Server side: waits for enough bytes to tell the transport and consumes its prefix. Null at end of stream.</summary>
    public async ValueTask<TransportKind?> DetectAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
            if (TransportDetector.TryDetect(ref buffer, out var kind))
            {
                _start = _end - (int)buffer.Length;
                return kind;
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>The next frame, or null when the peer closed the stream cleanly between frames.</summary>
    public async ValueTask<IncomingFrame?> ReadAsync(TransportCodec codec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codec);
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
            if (codec.TryReadFrame(ref buffer, out var frame))
            {
                var result = IncomingFrame.From(frame);
                _start = _end - (int)buffer.Length;
                return result;
            }

            if (!await FillAsync(cancellationToken))
            {
                if (_end != _start)
                {
                    throw new EndOfStreamException("The peer closed the connection in the middle of a frame.");
                }

                return null;
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end + ReadChunk > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + ReadChunk));
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end, ReadChunk), cancellationToken);
        _end += read;
        return read > 0;
    }
}
