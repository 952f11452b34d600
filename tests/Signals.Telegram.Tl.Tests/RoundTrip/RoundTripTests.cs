using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Tests.Support;
using Xunit;

namespace Signals.Telegram.Tl.Tests.RoundTrip;

public sealed class RoundTripTests
{
    [Fact]
    public void Every_generated_combinator_reads_back_to_the_same_bytes()
    {
        var model = SchemaFixture.Model;
        var random = new RandomTlObjects(model, seed: 7);
        var failures = new List<string>();
        foreach (var combinator in model.Generated)
        {
            for (var sample = 0; sample < 5; sample++)
            {
                var written = random.Build(combinator).Value.ToBytes();
                try
                {
                    var read = TlRegistry.ReadObject(written);
                    if (read.GetType() != random.ClassOf(combinator) || !read.ToBytes().AsSpan().SequenceEqual(written))
                    {
                        failures.Add($"{combinator.Name}: read back as {read.GetType().Name} with different bytes");
                    }
                }
                catch (TlReadException ex)
                {
                    failures.Add($"{combinator.Name}: {ex.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void A_channel_message_reads_back_with_its_text_and_entities()
    {
        var message = new Message
        {
            Post = true,
            Id = 1234,
            PeerId = new PeerChannel { ChannelId = 1_000_000_001 },
            Date = 1_700_000_000,
            MessageValue = "New call: $PEPE 0x6982508145454ce325ddbe47a25d4ec3d2311933 🚀",
            Entities = [new MessageEntityBold { Offset = 0, Length = 9 }, new MessageEntityTextUrl { Offset = 10, Length = 5, Url = "https://example.org" }],
            Views = 10,
        };
        // views and forwards share flag 10: setting one puts both on the wire.

        var reader = new TlReader(message.ToBytes());
        var read = Assert.IsType<Message>(MessageBase.Read(ref reader));

        Assert.Equal(message.MessageValue, read.MessageValue);
        Assert.Equal(1_000_000_001, Assert.IsType<PeerChannel>(read.PeerId).ChannelId);
        Assert.Equal("https://example.org", Assert.IsType<MessageEntityTextUrl>(read.Entities![1]).Url);
        Assert.True(read.Post);
        Assert.False(read.Out);
        Assert.Null(read.EditDate);
        Assert.Equal(10, read.Views);
        Assert.Equal(0, read.Forwards);
    }
}
