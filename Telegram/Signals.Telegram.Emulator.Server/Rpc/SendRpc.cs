using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Messages;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// messages.sendMessage. The world may hold a send (a fault); the answer is therefore made asynchronously and
/// written when ready, so the connection keeps serving pings and other calls meanwhile.
/// </summary>
internal static class SendRpc
{
    public static bool Handles(TlFunction request) => request is SendMessage;

    public static RpcAnswer Answer(TlFunction request, WorldConnection world, TimeProvider time)
    {
        var send = (SendMessage)request;
        var me = PeerInputs.Me(world);
        var peer = PeerInputs.Peer(world, send.Peer);
        return new RpcAnswer(null, SendAsync(world, peer, send, me, time));
    }

    private static async Task<TlObject> SendAsync(WorldConnection world, TelegramPeer peer, SendMessage send, long me, TimeProvider time)
    {
        WorldSendResult result;
        try
        {
            result = await world.SendMessageAsync(peer, send.Message, TlViews.Entities(send.Entities), send.RandomId, CancellationToken.None);
        }
        catch (TelegramException error)
        {
            return RpcErrors.From(error);
        }

        var message = TlViews.Message(result.Message, me);
        Update stored = peer.Kind == PeerKind.Channel
            ? new UpdateNewChannelMessage { Message = message, Pts = result.Pts, PtsCount = result.PtsCount }
            : new UpdateNewMessage { Message = message, Pts = result.Pts, PtsCount = result.PtsCount };
        var mentions = new Mentions(world, me).AddPeer(peer.Id).Add(result.Message);
        return new UpdatesFull
        {
            Updates = [new UpdateMessageID { Id = result.Message.Id, RandomId = send.RandomId }, stored],
            Users = mentions.Users,
            Chats = mentions.Chats,
            Date = TlViews.Seconds(time.GetUtcNow()),
            Seq = 0,
        };
    }
}
