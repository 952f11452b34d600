using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Tests.Support;

namespace Signals.Telegram.Mtproto.Tests.Client;

/// <summary>
/// GramJS, the reference client, runs Signals' flows against the emulator server (tests/gramjs/gramjs-flows.js):
/// resolve and join a channel, read history with text-link entities, receive a live post, an edit and a deletion
/// as updates and a direct message from another account (through its raw handler and its NewMessage event), send with HTML entities and a repeated random_id,
/// and log in on its home DC after PHONE_MIGRATE_X.
/// </summary>
public sealed class GramJsFlowsTests
{
    private const string Phone = "9996621111";
    private const string Code = "22222";
    private const string ChartUrl = "https://dexscreener.com/solana/first";

    [Fact]
    public async Task GramJs_resolves_joins_reads_listens_and_sends()
    {
        var world = new TelegramWorld();
        await using var server = Start(world, new MtprotoServerOptions());
        var user = world.AddUser(Phone, "Gram Reader", "gram_reader");
        var calls = world.CreateChannel("gem_calls", "Gem Calls");
        world.Post(calls.Id, "first call chart", [TextEntity.Link(11, 5, ChartUrl)]);
        world.Post(calls.Id, "second call");
        world.AllowToWrite(calls.Id, user.Id);
        var friend = world.AddUser("9996621112", "Fran Friend");
        var friendKey = world.RegisterAuthKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(256));
        world.AuthorizeAuthKey(friendKey, friend.Phone);
        var friendConnection = world.OpenConnection("friend", friendKey);

        var result = await RunFlowsAsync(server, Phone, "gem_calls", onListening: async () =>
        {
            world.Post(calls.Id, "live call $GEM", ["https://dexscreener.com/solana/gem"]);
            world.Edit(calls.Id, 1, "first call chart (edited)", [TextEntity.Link(11, 5, ChartUrl)]);
            world.Delete(calls.Id, 2);
            var reader = friendConnection.ResolvePeer("@gram_reader");
            await friendConnection.SendMessageAsync(reader, "psst, a direct tip", Array.Empty<TextEntity>(), 99, CancellationToken.None);
        });

        Assert.Equal(user.Id.ToString(CultureInfo.InvariantCulture), (string?)result["me"]!["id"]);
        var resolve = result["resolve"]!;
        Assert.Equal(("Channel", calls.Id.ToString(CultureInfo.InvariantCulture), calls.AccessHash.ToString(CultureInfo.InvariantCulture), true),
            ((string?)resolve["className"], (string?)resolve["id"], (string?)resolve["accessHash"], (bool)resolve["broadcast"]!));
        Assert.Equal(["UpdateChannel"], result["join"]!["updates"]!.AsArray().Select(u => (string?)u));

        var history = result["history"]!.AsArray();
        Assert.Equal([2, 1], history.Select(m => (int)m!["id"]!));
        var link = history[1]!["entities"]!.AsArray().Single()!;
        Assert.Equal(("MessageEntityTextUrl", 11, 5, ChartUrl), ((string?)link["className"], (int)link["offset"]!, (int)link["length"]!, (string?)link["url"]));
        Assert.Equal([2], result["historyAfterFirst"]!.AsArray().Select(id => (int)id!));

        var live = result["live"]!;
        var post = live["newPosts"]!.AsArray().Single()!;
        Assert.Equal((3, "live call $GEM", 3, 1), ((int)post["id"]!, (string?)post["text"], (int)post["pts"]!, (int)post["ptsCount"]!));
        Assert.Equal("https://dexscreener.com/solana/gem", (string?)post["entities"]![0]!["url"]);
        var edit = live["edits"]!.AsArray().Single()!;
        Assert.Equal((1, "first call chart (edited)", 4), ((int)edit["id"]!, (string?)edit["text"], (int)edit["pts"]!));
        Assert.NotNull(edit["editDate"]);
        var deletion = live["deletions"]!.AsArray().Single()!;
        Assert.Equal([2], deletion["messages"]!.AsArray().Select(id => (int)id!));
        Assert.Equal((5, 1), ((int)deletion["pts"]!, (int)deletion["ptsCount"]!));
        var direct = live["directMessages"]!.AsArray().Single()!;
        Assert.Equal(("psst, a direct tip", 1, friend.Id.ToString(CultureInfo.InvariantCulture), false),
            ((string?)direct["text"], (int)direct["pts"]!, (string?)direct["fromUserId"], (bool)direct["out"]!));
        Assert.Equal(["live call $GEM", "psst, a direct tip"], live["newMessageEvents"]!.AsArray().Select(e => (string?)e!["text"]).Order(StringComparer.Ordinal));

        var sent = result["send"]!;
        Assert.Equal((4, "alert see chart"), ((int)sent["id"]!, (string?)sent["text"]));
        var stored = world.FindMessage(calls.Id, 4)!;
        Assert.Equal("alert see chart", stored.Text);
        Assert.Equal([new TextEntity(TextEntityKind.Bold, 0, 5), TextEntity.Link(10, 5, "https://dexscreener.com/solana/gem")], stored.Entities);
        Assert.Equal((5, 5), ((int)result["dedupe"]!["first"]!, (int)result["dedupe"]!["again"]!));
        Assert.Equal([1, 3, 4, 5], world.Posts(calls.Id).Select(p => p.MessageId));
        Assert.Equal(1, world.Counters.DuplicateSendsSuppressed);
    }

    [Fact]
    public async Task GramJs_sees_USERNAME_NOT_OCCUPIED_for_an_unknown_channel()
    {
        var world = new TelegramWorld();
        await using var server = Start(world, new MtprotoServerOptions());
        world.AddUser(Phone, "Gram Lost");

        var result = await RunFlowsAsync(server, Phone, "no_such_channel", onListening: null);

        Assert.Equal(("USERNAME_NOT_OCCUPIED", 400), ((string?)result["resolve"]!["error"], (int)result["resolve"]!["code"]!));
    }

    [Fact]
    public async Task GramJs_follows_PHONE_MIGRATE_to_the_accounts_home_DC_and_logs_in_there()
    {
        var world = new TelegramWorld();
        var dcs = new MtprotoDcSet();
        await using var dcTwo = Start(world, new MtprotoServerOptions { DcId = 2, Dcs = dcs });
        await using var dcOne = Start(world, new MtprotoServerOptions { DcId = 1, Dcs = dcs });
        var user = world.AddUser(Phone, "Gram Migrant", homeDc: 1);

        var result = await RunFlowsAsync(dcTwo, Phone, "-", onListening: null, dcOne);

        Assert.Equal((user.Id.ToString(CultureInfo.InvariantCulture), 1), ((string?)result["signIn"]!["id"], (int)result["signIn"]!["dcId"]!));
        Assert.Equal(1, world.Counters.LoginsSucceeded);
        Assert.True(dcOne.AuthKeysCreated >= 1, "GramJS made its key for DC 1 on DC 1's listener");
    }

    private static MtprotoServer Start(TelegramWorld world, MtprotoServerOptions options)
    {
        var server = new MtprotoServer(world, TestKeys.ServerKey, options);
        server.Start(new IPEndPoint(IPAddress.Loopback, 0));
        return server;
    }

    /// <summary>Runs gramjs-flows.js starting on <paramref name="server"/> (as DC 2 or its own id); <paramref name="otherDcs"/> are reachable too.</summary>
    private static Task<JsonObject> RunFlowsAsync(MtprotoServer server, string phone, string channel, Func<Task>? onListening, params MtprotoServer[] otherDcs)
    {
        // Every server of one test shares the RSA key, so GramJS trusts each DC it is sent to.
        var key = server.PublicKey;
        var ports = string.Join(',', new[] { server }.Concat(otherDcs).Select(s => $"{s.Options.DcId}={s.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture)}"));
        string[] args = ["gramjs-flows.js", ports, key.Modulus.ToString(), key.Fingerprint.ToString(), phone, Code, channel];
        return GramJsHarness.RunAsync(args, async (line, _) =>
        {
            if (onListening is not null && line.Contains("\"listening\"", StringComparison.Ordinal))
            {
                await onListening();
            }
        });
    }
}
