using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Tests.Support;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Serialization;

public sealed class TlReaderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(253)]
    [InlineData(254)]
    [InlineData(1000)]
    [InlineData(70000)]
    public void Byte_strings_read_back_what_was_written_and_consume_the_padding(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var writer = new TlWriter();
        writer.WriteBytes(payload);
        writer.WriteInt32(42);

        var reader = new TlReader(writer.WrittenSpan);

        Assert.Equal(payload, reader.ReadBytes());
        Assert.Equal(42, reader.ReadInt32());
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Primitives_read_back_what_was_written()
    {
        var writer = new TlWriter();
        writer.WriteInt32(int.MinValue);
        writer.WriteInt64(long.MaxValue);
        writer.WriteDouble(-1.5);
        writer.WriteInt128(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
        writer.WriteInt256(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        writer.WriteString("Ж🚀");
        writer.WriteBool(true);

        var reader = new TlReader(writer.WrittenSpan);

        Assert.Equal(int.MinValue, reader.ReadInt32());
        Assert.Equal(long.MaxValue, reader.ReadInt64());
        Assert.Equal(-1.5, reader.ReadDouble());
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (byte)i), reader.ReadInt128());
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)i), reader.ReadInt256());
        Assert.Equal("Ж🚀", reader.ReadString());
        Assert.True(reader.ReadBool());
        Assert.True(reader.IsAtEnd);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("05000000")]
    [InlineData("fe000100")]
    [InlineData("ff000000")]
    public void Truncated_or_invalid_byte_strings_are_rejected(string hex)
    {
        var ex = Record.Exception(() =>
        {
            var reader = new TlReader(Hex.Parse(hex));
            reader.ReadBytes();
        });

        Assert.IsType<TlReadException>(ex);
    }

    [Fact]
    public void A_vector_count_larger_than_the_bytes_left_is_rejected_before_allocating()
    {
        var ex = Record.Exception(() =>
        {
            var reader = new TlReader(Hex.Parse("15c4b51c ffffff7f 00000000"));
            reader.ReadVector(static (ref TlReader r) => r.ReadInt64(), 8);
        });

        Assert.IsType<TlReadException>(ex);
    }

    [Fact]
    public void A_negative_vector_count_is_rejected()
    {
        var ex = Record.Exception(() =>
        {
            var reader = new TlReader(Hex.Parse("15c4b51c ffffffff"));
            reader.ReadVector(static (ref TlReader r) => r.ReadInt32(), 4);
        });

        Assert.IsType<TlReadException>(ex);
    }

    [Fact]
    public void A_Bool_with_another_constructor_is_rejected()
    {
        var ex = Record.Exception(() =>
        {
            var reader = new TlReader(Hex.Parse("15c4b51c"));
            reader.ReadBool();
        });

        Assert.IsType<TlReadException>(ex);
    }

    [Fact]
    public void An_unknown_constructor_is_rejected_with_its_id()
    {
        var ex = Assert.Throws<TlReadException>(() => TlRegistry.ReadObject(Hex.Parse("efbeadde")));

        Assert.Contains("0xdeadbeef", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_after_an_object_are_rejected()
    {
        var bytes = new InputPeerSelf().ToBytes().Concat(new byte[4]).ToArray();

        Assert.Throws<TlReadException>(() => TlRegistry.ReadObject(bytes));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_and_shallower_nesting_is_read()
    {
        static byte[] Nested(int depth)
        {
            InputPeer peer = new InputPeerSelf();
            for (var i = 1; i < depth; i++)
            {
                peer = new InputPeerUserFromMessage { Peer = peer, MsgId = i, UserId = i };
            }

            return peer.ToBytes();
        }

        Assert.IsType<InputPeerUserFromMessage>(TlRegistry.ReadObject(Nested(TlReader.DefaultMaxDepth)));
        Assert.Throws<TlReadException>(() => TlRegistry.ReadObject(Nested(TlReader.DefaultMaxDepth + 1)));
    }

    [Fact]
    public void Reading_an_object_of_the_wrong_type_is_rejected()
    {
        var peerBytes = new InputPeerSelf().ToBytes();

        var ex = Record.Exception(() =>
        {
            var reader = new TlReader(peerBytes);
            MessageBase.Read(ref reader);
        });

        Assert.IsType<TlReadException>(ex);
    }
}
