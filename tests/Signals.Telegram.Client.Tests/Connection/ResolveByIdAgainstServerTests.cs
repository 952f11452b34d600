using System.Globalization;
using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Tests.Connection;

/// <summary>Numeric ids the session's cache does not know, resolved with channels.getChannels against the emulator.</summary>
public sealed class ResolveByIdAgainstServerTests
{
    private const string Phone = "+15550100";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_joined_channel_resolves_by_its_id_and_by_its_bot_api_id_from_an_empty_cache()
    {
        await using var emulator = new EmulatorServer();
        var alice = emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");
        emulator.World.AddMember(channel.Id, alice.Id);
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var byId = await ResolveFreshAsync(emulator, connector, "a", channel.Id.ToString(CultureInfo.InvariantCulture));
        var byBotApiId = await ResolveFreshAsync(emulator, connector, "b", (-1_000_000_000_000 - channel.Id).ToString(CultureInfo.InvariantCulture));

        Assert.Equal((PeerKind.Channel, channel.Id, channel.AccessHash), (byId.Peer.Kind, byId.Peer.Id, byId.Peer.AccessHash));
        Assert.Equal(byId.Peer, byBotApiId.Peer);

        // Neither went through contacts.resolveUsername (the rate-limited call); the peer is usable afterwards.
        Assert.Equal((0, 0), (byId.ResolveCalls, byBotApiId.ResolveCalls));
        Assert.Equal(1, byId.Latest);
    }

    [Fact]
    public async Task An_id_of_a_channel_the_account_never_joined_is_not_found()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var channel = emulator.World.CreateChannel("gems", "Gems");
        await using var connector = new MtprotoTelegramConnector(emulator.ConnectorOptions());
        var connection = await connector.ConnectAsync("s1", emulator.MintLoggedInBlob(Phone).Blob, new RecordingSessionStore(), CancellationToken.None).WaitAsync(Timeout);

        var error = await Assert.ThrowsAsync<TelegramNotFoundException>(() => connection.ResolvePeerAsync(channel.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal("CHANNEL_INVALID", error.ErrorCode);
    }

    private static async Task<(TelegramPeer Peer, int ResolveCalls, int Latest)> ResolveFreshAsync(EmulatorServer emulator, MtprotoTelegramConnector connector, string session, string id)
    {
        await Eventually.TrueAsync(() => emulator.Server.LiveConnections == 0, "no other session is connected");
        var connection = (MtprotoTelegramConnection)await connector.ConnectAsync(session, emulator.MintLoggedInBlob(Phone).Blob, new RecordingSessionStore(), CancellationToken.None).WaitAsync(Timeout);
        try
        {
            var peer = await connection.ResolvePeerAsync(id, CancellationToken.None).WaitAsync(Timeout);
            emulator.World.Post(peer.Id, "one");
            var latest = await connection.GetLatestMessageIdAsync(peer, CancellationToken.None).WaitAsync(Timeout);
            return (peer, connection.ResolveCalls, latest);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
