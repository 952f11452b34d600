using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Tests.Support;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Serialization;

public sealed class TlWriterTests
{
    [Theory]
    [InlineData(0, "00000000")]
    [InlineData(1, "01aa0000")]
    [InlineData(3, "03aaaaaa")]
    [InlineData(4, "04aaaaaa aa000000")]
    public void Short_byte_strings_have_a_one_byte_length_and_pad_to_four(int length, string expected)
    {
        var writer = new TlWriter();
        writer.WriteBytes(Enumerable.Repeat((byte)0xaa, length).ToArray());

        Assert.Equal(Hex.Parse(expected), writer.ToArray());
    }

    [Theory]
    [InlineData(253, 1)]
    [InlineData(254, 4)]
    [InlineData(255, 4)]
    [InlineData(70000, 4)]
    public void Byte_strings_of_254_and_more_switch_to_0xFE_and_a_three_byte_length(int length, int headerBytes)
    {
        var writer = new TlWriter();
        writer.WriteBytes(new byte[length]);
        var bytes = writer.ToArray();

        Assert.Equal(0, bytes.Length % 4);
        Assert.Equal(headerBytes + length, bytes.Length - ((4 - ((headerBytes + length) % 4)) % 4));
        if (headerBytes == 4)
        {
            Assert.Equal(0xfe, bytes[0]);
            Assert.Equal(length, bytes[1] | (bytes[2] << 8) | (bytes[3] << 16));
        }
        else
        {
            Assert.Equal(length, bytes[0]);
        }
    }

    [Fact]
    public void Strings_are_written_as_UTF8_byte_strings()
    {
        var writer = new TlWriter();
        writer.WriteString("€");

        Assert.Equal(Hex.Parse("03e282ac"), writer.ToArray());
    }

    [Fact]
    public void Bool_and_vectors_use_their_constructor_ids()
    {
        var writer = new TlWriter();
        writer.WriteBool(true);
        writer.WriteBool(false);
        writer.WriteVector([1L, -1L], static (w, x) => w.WriteInt64(x));

        Assert.Equal(Hex.Parse("b5757299 379779bc 15c4b51c 02000000 0100000000000000 ffffffffffffffff"), writer.ToArray());
    }

    [Fact]
    public void Int128_of_the_wrong_length_is_refused()
    {
        var writer = new TlWriter();

        Assert.Throws<ArgumentException>(() => writer.WriteInt128(new byte[15]));
    }

    [Fact]
    public void Flags_are_computed_from_the_fields_that_are_set()
    {
        var sent = new UpdateShortSentMessage { Out = true, Id = 5, Pts = 6, PtsCount = 1, Date = 2, TtlPeriod = 30 };

        // updateShortSentMessage#9015e101 flags:# out:flags.1?true id:int pts:int pts_count:int date:int ... ttl_period:flags.25?int
        Assert.Equal(Hex.Parse("01e11590 02000002 05000000 06000000 01000000 02000000 1e000000"), sent.ToBytes());
    }

    [Fact]
    public void Requests_write_their_fields_in_schema_order()
    {
        var request = new Messages.GetHistory
        {
            Peer = new InputPeerChannel { ChannelId = 7, AccessHash = 9 },
            OffsetId = 1,
            Limit = 100,
        };

        // messages.getHistory#4423e6c5 peer:InputPeer offset_id:int offset_date:int add_offset:int limit:int max_id:int min_id:int hash:long
        Assert.Equal(
            Hex.Parse("c5e62344 fcbbbc27 0700000000000000 0900000000000000 01000000 00000000 00000000 64000000 00000000 00000000 0000000000000000"),
            request.ToBytes());
    }
}
