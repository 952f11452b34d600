using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Tests.Connection;

/// <summary>
/// Update recovery and sending against the emulator server. These need updates.getState / getDifference /
/// getChannelDifference and messages.sendMessage on the server, which were not on main when this was written.
/// </summary>
public sealed class ConnectorRecoveryAgainstServerTests
{
    private const string Phone = "+15550100";
    private const string WaitingForServer = "waiting for server: updates.getDifference/getChannelDifference and messages.sendMessage over MTProto";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_thousand_posts_made_while_offline_are_recovered_exactly_once_from_the_saved_blob()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");
        emulator.World.Post(channel.Id, "before");
        var store = new RecordingSessionStore();
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var first = await ConnectorChannelsAgainstServerTests.JoinedAsync(emulator, connector, "gems", store: store);
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => emulator.Server.LiveConnections == 0, "the server saw the session go offline");

        var posted = Enumerable.Range(1, 1000).Select(i => emulator.World.Post(channel.Id, $"offline {i}").MessageId).ToList();
        var resumed = await connector.ConnectAsync("s1", store.Latest, store, CancellationToken.None).WaitAsync(Timeout);
        var recovered = await Eventually.ReadAsync(resumed.Updates, 1000, Timeout);
        var live = emulator.World.Post(channel.Id, "live again");
        var next = await Eventually.ReadAsync(resumed.Updates, 1, Timeout);

        var ids = recovered.Select(update => update.Post!.MessageId).ToList();
        Assert.All(recovered, update => Assert.Equal(ChannelUpdateKind.NewPost, update.Kind));
        Assert.Equal(posted, ids);
        Assert.Equal(0, ids.Count - ids.Distinct().Count());
        Assert.Equal(live.MessageId, next.Single().Post!.MessageId);
    }

    [Fact]
    public async Task A_pts_gap_from_skipped_pushes_is_filled_by_get_channel_difference_in_order()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");

        // A Telegram channel's pts starts at 1 with its creation; the emulator's empty channel is at 0, so post once.
        emulator.World.Post(channel.Id, "first");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = await ConnectorChannelsAgainstServerTests.JoinedAsync(emulator, connector, "gems");

        emulator.Server.Faults.SkipNextPushes(2);
        var ids = Enumerable.Range(1, 3).Select(i => emulator.World.Post(channel.Id, $"p{i}").MessageId).ToList();
        var updates = await Eventually.ReadAsync(connection.Updates, 3, Timeout);

        Assert.Equal(2, emulator.Server.Faults.PushesSkipped);
        Assert.Equal(ids, updates.Select(update => update.Post!.MessageId));
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_get_difference_still_recovers_each_post_once()
    {
        await using var emulator = new EmulatorServer();
        var alice = emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");

        // A Telegram channel's pts starts at 1 with its creation; the emulator's empty channel is at 0, so post once.
        emulator.World.Post(channel.Id, "first");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = await ConnectorChannelsAgainstServerTests.JoinedAsync(emulator, connector, "gems");

        emulator.Server.Faults.SkipNextPushes(5);
        var ids = Enumerable.Range(1, 5).Select(i => emulator.World.Post(channel.Id, $"p{i}").MessageId).ToList();
        emulator.Server.Faults.DropConnectionInNextDifferences(1);
        emulator.Server.Faults.PushUpdatesTooLong(alice.Id);
        var updates = await Eventually.ReadAsync(connection.Updates, 5, Timeout);
        var live = emulator.World.Post(channel.Id, "after");
        var next = await Eventually.ReadAsync(connection.Updates, 1, Timeout);

        Assert.Equal(ids, updates.Select(update => update.Post!.MessageId));
        Assert.Equal(live.MessageId, next.Single().Post!.MessageId);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task Sending_returns_the_id_a_repeat_is_already_sent_and_flood_wait_carries_its_wait()
    {
        await using var emulator = new EmulatorServer();
        var alice = emulator.World.AddUser(Phone, "Alice");
        var group = emulator.World.CreateChannel("alerts", "Alerts");
        emulator.World.AddMember(group.Id, alice.Id);
        emulator.World.AllowToWrite(group.Id, alice.Id);
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = await ConnectorChannelsAgainstServerTests.JoinedAsync(emulator, connector, "alerts");
        var peer = await connection.ResolvePeerAsync("alerts", CancellationToken.None).WaitAsync(Timeout);

        var sent = await connection.SendMessageAsync(peer, "<b>BUY</b> <a href=\"https://dex.example/x\">chart</a>", 4242, CancellationToken.None).WaitAsync(Timeout);
        var repeat = await connection.SendMessageAsync(peer, "<b>BUY</b>", 4242, CancellationToken.None).WaitAsync(Timeout);
        emulator.World.Faults.FloodWaitNextSends(TimeSpan.FromSeconds(42));
        var flood = await Assert.ThrowsAsync<TelegramFloodWaitException>(() => connection.SendMessageAsync(peer, "more", 4243, CancellationToken.None).WaitAsync(Timeout));

        Assert.False(sent.WasDuplicate);
        Assert.True(sent.MessageId > 0);
        Assert.True(repeat.WasDuplicate || repeat.MessageId == sent.MessageId);
        Assert.Single(emulator.World.Posts(group.Id), post => post.Text == "BUY chart");
        Assert.Equal(TimeSpan.FromSeconds(42), flood.RetryAfter);
    }
}
