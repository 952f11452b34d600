using System.Security.Cryptography;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Tests.Session;

public sealed class SessionStateCodecTests
{
    [Fact]
    public void A_full_state_survives_the_round_trip()
    {
        var state = FullState();

        var read = SessionStateCodec.TryRead(SessionStateCodec.Write(state));

        Assert.NotNull(read);
        Assert.Equal(4, read.HomeDcId);
        Assert.Equal(new TelegramUser(42, "Alice Liddell", "alice"), read.User);
        Assert.Equal(new CommonUpdateState(100, 7, 12, 1_700_000_000), read.Common);
        Assert.Equal(new ChannelUpdateState(555, 1234), read.Channel(1001));
        Assert.Equal(new ChannelUpdateState(3, 0), read.Channel(1002));
        Assert.Equal(new TelegramPeer(PeerKind.Channel, 1001, -77, "crypto_calls", "Crypto Calls ✓"), read.PeerByUsername("CRYPTO_CALLS"));
        Assert.Equal(new TelegramPeer(PeerKind.User, 9, 88, null, "Bob"), read.Peer(9));
        var keys = read.Keys();
        Assert.Equal([2, 4], keys.Select(key => key.DcId));
        Assert.Equal(state.Key(4)!.AuthKey, keys[1].AuthKey);
        Assert.Equal((123456789L, -3, true), (keys[1].Salt, keys[1].TimeOffsetSeconds, keys[1].Authorized));
        Assert.Equal(SessionStateCodec.Write(state), SessionStateCodec.Write(read));
    }

    [Fact]
    public void Any_single_damaged_byte_makes_the_blob_unreadable()
    {
        var blob = SessionStateCodec.Write(FullState());
        for (var index = 0; index < blob.Length; index++)
        {
            var damaged = (byte[])blob.Clone();
            damaged[index] ^= 0x20;
            Assert.Null(SessionStateCodec.TryRead(damaged));
        }
    }

    [Fact]
    public void Truncated_extended_foreign_and_empty_blobs_are_refused()
    {
        var blob = SessionStateCodec.Write(FullState());

        Assert.Null(SessionStateCodec.TryRead(blob[..^1]));
        Assert.Null(SessionStateCodec.TryRead([.. blob, 0]));
        Assert.Null(SessionStateCodec.TryRead([]));
        Assert.Null(SessionStateCodec.TryRead(RandomNumberGenerator.GetBytes(600)));

        // The emulator's in-process blob format is not ours either.
        Assert.Null(SessionStateCodec.TryRead([.. "SGEM"u8, 1, .. new byte[264]]));
    }

    [Fact]
    public void A_blob_for_a_minted_key_carries_only_that_key()
    {
        var key = RandomNumberGenerator.GetBytes(256);

        var read = SessionStateCodec.TryRead(MtprotoSessionBlobs.ForAuthKey(3, key));

        Assert.NotNull(read);
        Assert.Equal(3, read.HomeDcId);
        Assert.Null(read.User);
        Assert.Null(read.Common);
        Assert.Equal(key, Assert.Single(read.Keys()).AuthKey);
    }

    private static SessionState FullState()
    {
        var state = new SessionState(4);
        state.SetKey(new DcAuthorization(2, RandomNumberGenerator.GetBytes(256), 5, 0, false));
        state.SetKey(new DcAuthorization(4, RandomNumberGenerator.GetBytes(256), 123456789, -3, true));
        state.SetUser(new TelegramUser(42, "Alice Liddell", "alice"));
        state.SetCommon(new CommonUpdateState(100, 7, 12, 1_700_000_000));
        state.SetChannel(1001, new ChannelUpdateState(555, 1234));
        state.SetChannel(1002, new ChannelUpdateState(3, 0));
        state.RememberPeer(new TelegramPeer(PeerKind.Channel, 1001, -77, "crypto_calls", "Crypto Calls ✓"));
        state.RememberPeer(new TelegramPeer(PeerKind.User, 9, 88, null, "Bob"));
        return state;
    }
}
