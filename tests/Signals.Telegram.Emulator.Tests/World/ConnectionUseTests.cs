using System.Security.Cryptography;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Tests.World;

/// <summary>
/// Connections judged by use (the MTProto server's): a reconnect of the same client session is not a duplicate, a
/// silent old connection is overtaken by a new one, and an old one that speaks again while a new one is live is
/// AUTH_KEY_DUPLICATED — the paused-process case the ownership protocol exists for.
/// </summary>
public sealed class ConnectionUseTests
{
    private const long ClientA = 111;
    private const long ClientB = 222;

    [Fact]
    public void The_same_client_session_on_a_new_connection_replaces_the_old_one()
    {
        var world = new TelegramWorld();
        var key = world.RegisterAuthKey(RandomNumberGenerator.GetBytes(256));
        var old = Open(world, key, ClientA);
        Assert.True(old.Use(ClientA));
        var fresh = Open(world, key, ClientA);

        Assert.True(fresh.Use(ClientA));

        Assert.False(old.IsOpen);
        Assert.Equal(0, world.Counters.AuthKeyDuplicated);
        Assert.Equal(1, world.MaxConcurrentConnections("s"));
    }

    [Fact]
    public void A_silent_connection_is_overtaken_by_another_client_without_a_duplicate()
    {
        var world = new TelegramWorld();
        var key = world.RegisterAuthKey(RandomNumberGenerator.GetBytes(256));
        var paused = Open(world, key, ClientA);
        Assert.True(paused.Use(ClientA));

        var successor = Open(world, key, ClientB);
        Assert.True(successor.Use(ClientB));
        Assert.True(successor.Use(ClientB));

        Assert.True(paused.IsOpen);
        Assert.Equal(0, world.Counters.AuthKeyDuplicated);
        Assert.Equal(0, world.Counters.SessionOverlaps);
        Assert.Equal(1, world.LiveConnections("s"));
        Assert.Equal(1, world.MaxConcurrentConnections("s"));
    }

    [Fact]
    public void An_overtaken_connection_that_speaks_again_is_a_duplicate_and_kills_the_key()
    {
        var world = new TelegramWorld();
        var key = world.RegisterAuthKey(RandomNumberGenerator.GetBytes(256));
        var paused = Open(world, key, ClientA);
        Assert.True(paused.Use(ClientA));
        var successor = Open(world, key, ClientB);
        Assert.True(successor.Use(ClientB));

        Assert.False(paused.Use(ClientA));

        Assert.Equal(1, world.Counters.AuthKeyDuplicated);
        Assert.Equal(1, world.Counters.SessionOverlaps);
        Assert.False(world.IsAuthKeyUsable(key));
        Assert.False(successor.IsOpen);
        Assert.False(paused.IsOpen);
    }

    [Fact]
    public void A_connection_is_counted_under_the_session_its_client_declares()
    {
        var world = new TelegramWorld();
        var key = world.RegisterAuthKey(RandomNumberGenerator.GetBytes(256));
        var connection = world.OpenConnection("mtproto:key", key, ConnectionFeed.UpdateBoxes, judgedByUse: true);
        connection.NameSession("reader");
        Assert.True(connection.Use(ClientA));

        Assert.Equal(1, world.LiveConnections("reader"));
        Assert.Equal(0, world.LiveConnections("mtproto:key"));
        Assert.Equal(1, world.Faults.Disconnect("reader"));
        Assert.False(connection.IsOpen);
        Assert.Equal(0, world.LiveConnections("reader"));
    }

    private static WorldConnection Open(TelegramWorld world, long key, long clientSession)
    {
        var connection = world.OpenConnection("mtproto:" + clientSession, key, ConnectionFeed.UpdateBoxes, judgedByUse: true);
        connection.NameSession("s");
        return connection;
    }
}
