using System.Buffers.Binary;
using System.Text;

namespace Signals.Telegram.Tl.Serialization;

/// <summary>
/// Reads TL values from a span. Every length and count is checked against what remains before anything is
/// allocated, nesting is capped, and gzip_packed output is capped, so hostile bytes end in a
/// <see cref="TlReadException"/> and never in a huge allocation or a stack overflow.
/// </summary>
public ref struct TlReader
{
    /// <summary>Deepest nesting of boxed objects accepted; real layer-198 objects stay far below it.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Total bytes that gzip_packed values may inflate to while reading one buffer.</summary>
    public const int DefaultMaxDecompressedBytes = 16 * 1024 * 1024;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _maxDepth;
    private int _position;
    private int _depth;
    private int _decompressBudget;

    public TlReader(ReadOnlySpan<byte> buffer)
        : this(buffer, DefaultMaxDepth, DefaultMaxDecompressedBytes)
    {
    }

    public TlReader(ReadOnlySpan<byte> buffer, int maxDepth, int maxDecompressedBytes)
    {
        _buffer = buffer;
        _maxDepth = maxDepth;
        _decompressBudget = maxDecompressedBytes;
        _position = 0;
        _depth = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _buffer.Length - _position;

    public readonly bool IsAtEnd => _position == _buffer.Length;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>TL <c>int128</c> as its 16 little-endian bytes (nonces are byte strings to every user).</summary>
    public byte[] ReadInt128() => Take(16).ToArray();

    /// <summary>TL <c>int256</c> as its 32 little-endian bytes.</summary>
    public byte[] ReadInt256() => Take(32).ToArray();

    public bool ReadBool()
    {
        var id = ReadUInt32();
        return id switch
        {
            TlConstructors.BoolTrue => true,
            TlConstructors.BoolFalse => false,
            _ => throw TlReadException.UnknownConstructor(id, "Bool"),
        };
    }

    /// <summary>TL <c>bytes</c>: a 1-byte length (below 254) or 0xFE plus a 3-byte length, then padding to 4.</summary>
    public byte[] ReadBytes() => ReadBytesSpan().ToArray();

    /// <summary>TL <c>string</c>: <c>bytes</c> holding UTF-8; invalid sequences become U+FFFD rather than an error.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytesSpan());

    /// <summary>The payload of a TL <c>bytes</c> value without copying it.</summary>
    public ReadOnlySpan<byte> ReadBytesSpan()
    {
        var first = Take(1)[0];
        int length;
        int header;
        if (first < 254)
        {
            length = first;
            header = 1;
        }
        else if (first == 254)
        {
            var rest = Take(3);
            length = rest[0] | (rest[1] << 8) | (rest[2] << 16);
            header = 4;
        }
        else
        {
            throw new TlReadException("Byte string length prefix 0xFF is not valid TL.");
        }

        var padding = (4 - ((header + length) % 4)) % 4;
        var payload = Take(length);
        Take(padding);
        return payload;
    }

    /// <summary>Reads a boxed vector header (0x1cb5c415 + count) and checks the count against the bytes left.</summary>
    public int ReadVectorCount(int minElementBytes)
    {
        var id = ReadUInt32();
        if (id != TlConstructors.Vector)
        {
            throw TlReadException.UnknownConstructor(id, "Vector");
        }

        return ReadBareVectorCount(minElementBytes);
    }

    /// <summary>Reads a bare vector count and checks it against the bytes left.</summary>
    public int ReadBareVectorCount(int minElementBytes)
    {
        var count = ReadInt32();
        // Every element needs at least minElementBytes, so a count the buffer cannot hold is a lie;
        // rejecting it here is what keeps allocations bounded by the input size.
        if (count < 0 || (long)count * Math.Max(minElementBytes, 1) > Remaining)
        {
            throw new TlReadException($"Vector count {count} does not fit in the {Remaining} bytes left.");
        }

        return count;
    }

    public List<T> ReadVector<T>(TlReadFunc<T> readElement, int minElementBytes) =>
        ReadElements(ReadVectorCount(minElementBytes), readElement);

    public List<T> ReadBareVector<T>(TlReadFunc<T> readElement, int minElementBytes) =>
        ReadElements(ReadBareVectorCount(minElementBytes), readElement);

    /// <summary>Reads the constructor id of a boxed object and enters one level of nesting.</summary>
    public uint BeginObject()
    {
        if (++_depth > _maxDepth)
        {
            throw new TlReadException($"Objects nested deeper than {_maxDepth} levels.");
        }

        return ReadUInt32();
    }

    /// <summary>Leaves the nesting level entered by <see cref="BeginObject"/>.</summary>
    public void EndObject() => _depth--;

    /// <summary>All bytes not read yet (for values whose extent is the rest of the message, e.g. rpc_result).</summary>
    public ReadOnlySpan<byte> ReadRemaining() => Take(Remaining);

    /// <summary>Reads exactly <paramref name="length"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadRaw(int length)
    {
        if (length < 0)
        {
            throw new TlReadException($"Negative length {length}.");
        }

        return Take(length);
    }

    /// <summary>
    /// Reads the body of a gzip_packed (its id already consumed), inflates it within the remaining budget and
    /// reads one value from the inflated bytes with the same depth limit.
    /// </summary>
    public T ReadGzipPacked<T>(TlReadFunc<T> readInner)
    {
        var packed = ReadBytesSpan();
        var inflated = TlGzip.Inflate(packed, _decompressBudget);
        _decompressBudget -= inflated.Length;
        var inner = new TlReader(inflated, _maxDepth, _decompressBudget) { _depth = _depth };
        var value = readInner(ref inner);
        if (!inner.IsAtEnd)
        {
            throw new TlReadException($"{inner.Remaining} bytes left inside gzip_packed after its object.");
        }

        return value;
    }

    private List<T> ReadElements<T>(int count, TlReadFunc<T> readElement)
    {
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(readElement(ref this));
        }

        return list;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new TlReadException($"Needed {count} bytes at offset {_position}, only {Remaining} left.");
        }

        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }
}
