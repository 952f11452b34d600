using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Emulator.Server;

/// <summary>A client's input peers checked against the world (ids exist, access hashes are the ones handed out).</summary>
internal static class PeerInputs
{
    public static TelegramPeer Peer(WorldConnection world, InputPeer? peer) => peer switch
    {
        InputPeerSelf => world.DescribePeer(Me(world)) ?? throw new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED"),
        InputPeerUser user => world.CheckPeer(PeerKind.User, user.UserId, user.AccessHash),
        InputPeerChat chat => world.CheckPeer(PeerKind.Chat, chat.ChatId, 0),
        InputPeerChannel channel => Channel(world, channel.ChannelId, channel.AccessHash),
        _ => throw new TelegramPermanentException("PEER_ID_INVALID", "PEER_ID_INVALID: this kind of input peer is not served"),
    };

    public static TelegramPeer Channel(WorldConnection world, InputChannelBase? channel) => channel switch
    {
        InputChannel known => Channel(world, known.ChannelId, known.AccessHash),
        _ => throw new TelegramPermanentException("CHANNEL_INVALID", "CHANNEL_INVALID: this kind of input channel is not served"),
    };

    public static long Me(WorldConnection world) =>
        world.Me?.Id ?? throw new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED");

    private static TelegramPeer Channel(WorldConnection world, long id, long accessHash)
    {
        try
        {
            return world.CheckPeer(PeerKind.Channel, id, accessHash);
        }
        catch (TelegramPermanentException e) when (e.ErrorCode == "PEER_ID_INVALID")
        {
            // Telegram names an unknown channel CHANNEL_INVALID too, not PEER_ID_INVALID.
            throw new TelegramPermanentException("CHANNEL_INVALID", "CHANNEL_INVALID: no such channel");
        }
    }
}
