using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Service;

public sealed class MsgContainerTests
{
    [Fact]
    public void A_container_round_trips_and_keeps_each_body_raw()
    {
        var pong = new Pong { MsgId = 5, PingId = 6 };
        var ack = new MsgsAck { MsgIds = [1, 2, 3] };
        var container = new MsgContainer
        {
            Messages = [new ContainerMessage(100, 1, pong.ToBytes()), new ContainerMessage(104, 2, ack.ToBytes())],
        };

        var read = Assert.IsType<MsgContainer>(TlRegistry.ReadObject(container.ToBytes()));

        Assert.Equal([100L, 104L], read.Messages.Select(m => m.MsgId));
        Assert.Equal(6, Assert.IsType<Pong>(TlRegistry.ReadObject(read.Messages[0].Body)).PingId);
        Assert.Equal([1L, 2L, 3L], Assert.IsType<MsgsAck>(TlRegistry.ReadObject(read.Messages[1].Body)).MsgIds);
    }

    [Fact]
    public void A_container_message_longer_than_the_container_is_rejected()
    {
        var container = new MsgContainer { Messages = [new ContainerMessage(100, 1, new Pong().ToBytes())] };
        var bytes = container.ToBytes();
        bytes[4 + 4 + 8 + 4] = 0xf0; // the body length: now beyond the end

        Assert.Throws<TlReadException>(() => TlRegistry.ReadObject(bytes));
    }
}
