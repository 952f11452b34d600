using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Port;

namespace Signals.Telegram.Client.Tests.Connection;

/// <summary>Peers, history and pushed channel updates through the connector against the emulator server.</summary>
public sealed class ConnectorChannelsAgainstServerTests
{
    private const string Phone = "+15550100";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Resolve_join_and_read_history_oldest_first_across_pages_with_links()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");
        for (var i = 1; i <= 150; i++)
        {
            emulator.World.Post(channel.Id, $"call {i}", i % 50 == 0 ? [$"https://dex.example/{i}"] : null);
        }

        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = (MtprotoTelegramConnection)await connector.ConnectAsync("s1", emulator.MintLoggedInBlob(Phone).Blob, new RecordingSessionStore(), CancellationToken.None).WaitAsync(Timeout);

        var peer = await connection.ResolvePeerAsync("@gems", CancellationToken.None).WaitAsync(Timeout);
        var again = await connection.ResolvePeerAsync("GEMS", CancellationToken.None).WaitAsync(Timeout);
        var byId = await connection.ResolvePeerAsync(channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Timeout);
        await connection.JoinChannelAsync(peer, CancellationToken.None).WaitAsync(Timeout);
        await connection.JoinChannelAsync(peer, CancellationToken.None).WaitAsync(Timeout);
        var history = await connection.GetHistoryAsync(peer, 10, 120, CancellationToken.None).WaitAsync(Timeout);
        var latest = await connection.GetLatestMessageIdAsync(peer, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal((PeerKind.Channel, channel.Id, channel.AccessHash), (peer.Kind, peer.Id, peer.AccessHash));
        Assert.Equal(peer, again);
        Assert.Equal(peer, byId);
        Assert.Equal(1, connection.ResolveCalls);
        Assert.True(emulator.World.IsMember(channel.Id, emulator.World.FindUser(Phone)!.Id));
        Assert.Equal(Enumerable.Range(11, 120), history.Select(post => post.MessageId));
        Assert.Equal("call 11", history[0].Text);
        Assert.Equal(["https://dex.example/50"], history.Single(post => post.MessageId == 50).Links);
        Assert.Equal(["https://dex.example/100"], history.Single(post => post.MessageId == 100).Links);
        Assert.Empty(history.Single(post => post.MessageId == 51).Links);
        Assert.Equal(150, latest);
    }

    [Fact]
    public async Task An_unknown_username_is_not_found()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = await connector.ConnectAsync("s1", emulator.MintLoggedInBlob(Phone).Blob, new RecordingSessionStore(), CancellationToken.None).WaitAsync(Timeout);

        await Assert.ThrowsAsync<TelegramNotFoundException>(() => connection.ResolvePeerAsync("@nobody_here", CancellationToken.None).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Live_post_edit_and_delete_arrive_as_updates_once_and_in_order()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");
        emulator.World.Post(channel.Id, "before joining");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = await JoinedAsync(emulator, connector, "gems");

        var first = emulator.World.Post(channel.Id, "buy $PEPE", ["https://dex.example/pepe"]);
        var second = emulator.World.Post(channel.Id, "second");
        emulator.World.Edit(channel.Id, first.MessageId, "buy $PEPE now");
        emulator.World.Delete(channel.Id, second.MessageId);
        var updates = await Eventually.ReadAsync(connection.Updates, 4);

        Assert.Equal(
            [(ChannelUpdateKind.NewPost, first.MessageId), (ChannelUpdateKind.NewPost, second.MessageId), (ChannelUpdateKind.EditedPost, first.MessageId), (ChannelUpdateKind.DeletedPosts, second.MessageId)],
            updates.Select(update => (update.Kind, update.Post?.MessageId ?? update.DeletedMessageIds.Single())));
        Assert.Equal(["https://dex.example/pepe"], updates[0].Post!.Links);
        Assert.Equal("buy $PEPE now", updates[2].Post!.Text);
        Assert.NotNull(updates[2].Post!.EditDate);
        Assert.All(updates, update => Assert.Equal(channel.Id, update.ChannelId));
    }

    internal static async Task<ITelegramConnection> JoinedAsync(EmulatorServer emulator, MtprotoTelegramConnector connector, string username, byte[]? blob = null, ITelegramSessionStore? store = null)
    {
        var connection = await connector.ConnectAsync("s1", blob ?? emulator.MintLoggedInBlob(Phone).Blob, store ?? new RecordingSessionStore(), CancellationToken.None).WaitAsync(Timeout);
        var peer = await connection.ResolvePeerAsync(username, CancellationToken.None).WaitAsync(Timeout);
        await connection.JoinChannelAsync(peer, CancellationToken.None).WaitAsync(Timeout);
        return connection;
    }
}
