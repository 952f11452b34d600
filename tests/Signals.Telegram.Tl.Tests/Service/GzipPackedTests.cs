using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Service;

public sealed class GzipPackedTests
{
    [Fact]
    public void Gzip_packed_objects_are_unwrapped_transparently_by_typed_and_untyped_reads()
    {
        var state = new Updates.State { Pts = 10, Qts = 20, Date = 30, Seq = 40, UnreadCount = 50 };
        var packed = GzipPacked.Pack(state).ToBytes();

        var untyped = Assert.IsType<Updates.State>(TlRegistry.ReadObject(packed));
        var reader = new TlReader(packed);
        var typed = Updates.State.Read(ref reader);

        Assert.Equal(10, untyped.Pts);
        Assert.Equal(50, typed.UnreadCount);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void A_gzip_bomb_beyond_the_decompression_limit_is_rejected()
    {
        var huge = new byte[TlReader.DefaultMaxDecompressedBytes + 1024];
        var writer = new TlWriter();
        writer.WriteUInt32(TlConstructors.GzipPacked);
        writer.WriteBytes(TlGzip.Deflate(huge));

        Assert.Throws<TlReadException>(() => TlRegistry.ReadObject(writer.ToArray()));
    }

    [Fact]
    public void Gzip_packed_with_bytes_after_its_object_is_rejected()
    {
        var writer = new TlWriter();
        writer.WriteUInt32(TlConstructors.GzipPacked);
        writer.WriteBytes(TlGzip.Deflate([.. new InputPeerSelf().ToBytes(), 0, 0, 0, 0]));

        Assert.Throws<TlReadException>(() => TlRegistry.ReadObject(writer.ToArray()));
    }

    [Fact]
    public void Gzip_packed_with_corrupt_data_is_rejected()
    {
        var writer = new TlWriter();
        writer.WriteUInt32(TlConstructors.GzipPacked);
        writer.WriteBytes([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00, 0x01, 0x02]);

        Assert.Throws<TlReadException>(() => TlRegistry.ReadObject(writer.ToArray()));
    }
}
