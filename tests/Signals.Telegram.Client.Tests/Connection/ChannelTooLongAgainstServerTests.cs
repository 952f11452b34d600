using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Tests.Connection;

/// <summary>A session offline for longer than the server will replay: channelDifferenceTooLong and the history refetch.</summary>
public sealed class ChannelTooLongAgainstServerTests
{
    private const string Phone = "+15550100";

    /// <summary>ConnectionLog.ChannelTooLong: the client saw channelDifferenceTooLong and refetched history.</summary>
    private const int ChannelTooLongEvent = 4106;

    private const int Threshold = 50;
    private const int OfflinePosts = 250;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Posts_beyond_the_difference_threshold_arrive_once_each_from_history_and_the_next_live_post_follows()
    {
        await using var emulator = new EmulatorServer(new MtprotoServerOptions { DifferenceTooLongThreshold = Threshold });
        emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");
        emulator.World.Post(channel.Id, "before");
        var store = new RecordingSessionStore();
        var logs = new RecordingLoggerFactory();
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions(), logs);
        var first = await ConnectorChannelsAgainstServerTests.JoinedAsync(emulator, connector, "gems", store: store);
        var seen = emulator.World.Post(channel.Id, "seen live");
        var live = await Eventually.ReadAsync(first.Updates, 1, Timeout);
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => emulator.Server.LiveConnections == 0, "the server saw the session go offline");

        // More posts than the threshold (and than one history page of 100), so only a refetch can bring them.
        var posted = Enumerable.Range(1, OfflinePosts).Select(i => emulator.World.Post(channel.Id, $"offline {i}").MessageId).ToList();
        var resumed = await connector.ConnectAsync("s1", store.Latest, store, CancellationToken.None).WaitAsync(Timeout);
        var recovered = await Eventually.ReadAsync(resumed.Updates, OfflinePosts, Timeout);
        var after = emulator.World.Post(channel.Id, "live again");
        var next = await Eventually.ReadAsync(resumed.Updates, 1, Timeout);

        var ids = recovered.Select(update => update.Post!.MessageId).ToList();
        Assert.Equal(seen.MessageId, live.Single().Post!.MessageId);
        Assert.Equal(1, logs.Count(ChannelTooLongEvent));
        Assert.All(recovered, update => Assert.Equal(ChannelUpdateKind.NewPost, update.Kind));
        Assert.Equal(posted, ids);
        Assert.Equal(0, ids.Count - ids.Distinct().Count());
        Assert.Equal(after.MessageId, next.Single().Post!.MessageId);
        Assert.False(resumed.Updates.TryRead(out _));
    }
}
