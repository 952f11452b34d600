using System.Buffers.Binary;
using System.Text;

namespace Signals.Telegram.Tl.Serialization;

/// <summary>Writes TL values into a growing buffer. Reuse one instance with <see cref="Reset"/> on hot paths.</summary>
public sealed class TlWriter
{
    /// <summary>TL byte strings carry a 3-byte length, so nothing longer can be encoded.</summary>
    public const int MaxBytesLength = 0xFFFFFF;

    private byte[] _buffer;
    private int _length;

    public TlWriter(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Reset() => _length = 0;

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Grow(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Grow(8), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Grow(8), value);

    public void WriteInt128(ReadOnlySpan<byte> value) => WriteFixed(value, 16, "int128");

    public void WriteInt256(ReadOnlySpan<byte> value) => WriteFixed(value, 32, "int256");

    public void WriteBool(bool value) => WriteUInt32(value ? TlConstructors.BoolTrue : TlConstructors.BoolFalse);

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var target = BeginBytes(byteCount);
        Encoding.UTF8.GetBytes(value, target);
        EndBytes(byteCount);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(BeginBytes(value.Length));
        EndBytes(value.Length);
    }

    /// <summary>Raw bytes with no length prefix or padding (already-serialised TL, message bodies).</summary>
    public void WriteRaw(ReadOnlySpan<byte> value) => value.CopyTo(Grow(value.Length));

    /// <summary>The generated code's overload: iterating a List directly avoids boxing its enumerator.</summary>
    public void WriteVector<T>(List<T> items, Action<TlWriter, T> writeElement)
    {
        WriteUInt32(TlConstructors.Vector);
        WriteBareVector(items, writeElement);
    }

    public void WriteBareVector<T>(List<T> items, Action<TlWriter, T> writeElement)
    {
        WriteInt32(items.Count);
        foreach (var item in items)
        {
            writeElement(this, item);
        }
    }

    public void WriteVector<T>(IReadOnlyCollection<T> items, Action<TlWriter, T> writeElement)
    {
        WriteUInt32(TlConstructors.Vector);
        WriteBareVector(items, writeElement);
    }

    public void WriteBareVector<T>(IReadOnlyCollection<T> items, Action<TlWriter, T> writeElement)
    {
        WriteInt32(items.Count);
        foreach (var item in items)
        {
            writeElement(this, item);
        }
    }

    /// <summary>Overwrites 4 bytes already written at <paramref name="offset"/> (e.g. a length known only afterwards).</summary>
    public void PatchInt32(int offset, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _length - 4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(offset, 4), value);
    }

    private void WriteFixed(ReadOnlySpan<byte> value, int size, string typeName)
    {
        if (value.Length != size)
        {
            throw new ArgumentException($"A TL {typeName} is exactly {size} bytes, got {value.Length}.", nameof(value));
        }

        value.CopyTo(Grow(size));
    }

    private Span<byte> BeginBytes(int length)
    {
        if (length > MaxBytesLength)
        {
            throw new ArgumentException($"TL byte strings are at most {MaxBytesLength} bytes, got {length}.", nameof(length));
        }

        if (length < 254)
        {
            Grow(1)[0] = (byte)length;
        }
        else
        {
            var header = Grow(4);
            header[0] = 254;
            header[1] = (byte)length;
            header[2] = (byte)(length >> 8);
            header[3] = (byte)(length >> 16);
        }

        return Grow(length);
    }

    private void EndBytes(int length)
    {
        var header = length < 254 ? 1 : 4;
        var padding = (4 - ((header + length) % 4)) % 4;
        Grow(padding).Clear();
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
