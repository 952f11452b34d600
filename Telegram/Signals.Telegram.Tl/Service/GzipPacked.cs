using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Tl.Service;

/// <summary>
/// <c>gzip_packed#3072cfa1 packed_data:bytes = Object;</c> for writing. Readers never return one: every Read
/// unwraps it and returns the object inside.
/// </summary>
public sealed class GzipPacked : TlObject
{
    public const uint ConstructorId = TlConstructors.GzipPacked;

    public byte[] PackedData { get; set; } = [];

    public override uint GetConstructorId() => ConstructorId;

    public override void WriteBody(TlWriter writer) => writer.WriteBytes(PackedData);

    /// <summary>gzip_packed holding the boxed serialisation of <paramref name="inner"/>.</summary>
    public static GzipPacked Pack(TlObject inner) => new() { PackedData = TlGzip.Deflate(inner.ToBytes()) };
}
