using Signals.Testing;
using System.Text.Json;
using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support;

namespace Signals.Client.Tests;

/// <summary>CLI commands against a running two-silo cluster, output read back from <c>--json</c>.</summary>
public sealed class ClusterCommandTests(CliClusterFixture fixture) : IClassFixture<CliClusterFixture>
{
    [Fact]
    public async Task Status_lists_both_silos_and_counts_the_catalog_grain()
    {
        var run = await fixture.RunAsync("status", "--json");

        CliClusterFixture.AssertOk(run);
        using var doc = JsonDocument.Parse(run.StdOut);
        var silos = doc.RootElement.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(2, silos.Count);
        Assert.All(silos, s => Assert.Equal("Active", s.GetProperty("status").GetString()));
        var catalog = doc.RootElement.GetProperty("grains").EnumerateArray()
            .Single(g => g.GetProperty("grainType").GetString()!.StartsWith("Signals.Catalog.CatalogGrain", StringComparison.Ordinal));
        Assert.Equal(1, catalog.GetProperty("activations").GetInt32());
        Assert.True(doc.RootElement.GetProperty("totalActivations").GetInt32() >= 1);
    }

    [Fact]
    public async Task Status_through_redis_clustering_finds_the_same_silos()
    {
        var run = await CliRun.RunAsync(["status", "--json", .. fixture.RedisArguments()]);

        CliClusterFixture.AssertOk(run);
        using var doc = JsonDocument.Parse(run.StdOut);
        Assert.Equal(2, doc.RootElement.GetProperty("silos").GetArrayLength());
    }

    [Fact]
    public async Task Status_table_names_the_silos_for_people()
    {
        var run = await fixture.RunAsync("status");

        CliClusterFixture.AssertOk(run);
        Assert.Contains("Active", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("2 silo(s)", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_list_shows_the_seeded_sessions_logged_in_with_their_roles_and_no_phone()
    {
        var run = await fixture.RunAsync("sessions", "list", "--json");

        CliClusterFixture.AssertOk(run);
        using var doc = JsonDocument.Parse(run.StdOut);
        var sessions = doc.RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal("reader", sessions["reader"].GetProperty("role").GetString());
        Assert.Equal("notifier", sessions["notifier"].GetProperty("role").GetString());
        Assert.True(sessions["reader"].GetProperty("loggedIn").GetBoolean());
        Assert.Equal("connected", sessions["reader"].GetProperty("state").GetString());
        Assert.DoesNotContain("99966100001", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_show_of_an_unknown_session_fails_with_exit_code_1()
    {
        var run = await fixture.RunAsync("sessions", "show", "nobody-here");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("nobody-here", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_with_code_prompt_and_password_from_stdin_never_prints_the_secrets()
    {
        const string phone = "+99966100077";
        const string password = "tr0ub4dor&3";
        fixture.Cluster.World.AddUser(phone, "Scripted Tester", null, password);
        string? issuedCode = null;
        var io = new TestConsoleIO(stdin: password + "\n", secrets: prompt =>
            prompt.StartsWith("Login code", StringComparison.Ordinal) ? issuedCode = fixture.Cluster.World.PeekLoginCode(phone) : null);

        var run = await fixture.RunAsync(io, "sessions", "login", "tester-2fa", "--phone", phone, "--password-stdin", "--role", "notifier", "--json");

        CliClusterFixture.AssertOk(run);
        Assert.NotNull(issuedCode);
        Assert.Equal(["Login code:"], io.SecretPrompts);
        using var doc = JsonDocument.Parse(run.StdOut);
        Assert.Equal("loggedIn", doc.RootElement.GetProperty("step").GetString());
        Assert.Equal(PhoneMask.Mask(phone), doc.RootElement.GetProperty("phone").GetString());
        Assert.DoesNotContain("66100077", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(issuedCode, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(password, run.All, StringComparison.Ordinal);

        var show = await fixture.RunAsync("sessions", "show", "tester-2fa", "--json");
        CliClusterFixture.AssertOk(show);
        using var shown = JsonDocument.Parse(show.StdOut);
        Assert.True(shown.RootElement.GetProperty("loggedIn").GetBoolean());
        Assert.Equal("notifier", shown.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Login_with_a_wrong_code_fails_with_exit_code_1_and_leaves_no_catalog_entry()
    {
        const string phone = "+99966100078";
        fixture.Cluster.World.AddUser(phone, "Clumsy Tester");

        var run = await fixture.RunAsync("sessions", "login", "clumsy", "--phone", phone, "--code", "00000");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.DoesNotContain("66100078", run.All, StringComparison.Ordinal);
        var list = await fixture.RunAsync("sessions", "list", "--json");
        Assert.DoesNotContain("\"clumsy\"", list.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channels_add_assigns_the_session_and_list_shows_the_reader()
    {
        fixture.Cluster.World.CreateChannel("cli_added", "Added By CLI");

        var add = await fixture.RunAsync("channels", "add", "@cli_added", "--session", "reader", "--json");

        CliClusterFixture.AssertOk(add);
        using (var added = JsonDocument.Parse(add.StdOut))
        {
            Assert.Equal("cli_added", added.RootElement.GetProperty("channel").GetString());
            Assert.Equal("Added By CLI", added.RootElement.GetProperty("title").GetString());
        }

        var list = await fixture.RunAsync("channels", "list", "--json");
        CliClusterFixture.AssertOk(list);
        using var doc = JsonDocument.Parse(list.StdOut);
        var channels = doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Assert.Equal("reader", channels["cli_added"].GetProperty("session").GetString());
        Assert.Contains(fixture.Setup.Plan.Channels[0], channels.Keys);

        var show = await fixture.RunAsync("channels", "show", "t.me/cli_added", "--json");
        CliClusterFixture.AssertOk(show);
        using var shown = JsonDocument.Parse(show.StdOut);
        Assert.Equal("reader", shown.RootElement.GetProperty("session").GetString());
    }

    [Fact]
    public async Task Channels_add_of_a_channel_that_does_not_exist_fails_with_the_catalogs_reason()
    {
        var run = await fixture.RunAsync("channels", "add", "no_such_channel_here", "--session", "reader");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("no_such_channel_here", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_show_counts_mentions_per_channel_and_alerts_list_has_the_delivered_alert()
    {
        var address = TestAddresses.Solana(4242);
        foreach (var channelId in fixture.Setup.ChannelIds)
        {
            fixture.Cluster.World.Post(channelId, $"🚀 $CLI call\nCA: {address}\nhttps://dexscreener.com/solana/{address}");
        }

        var token = await Eventually.MatchAsync(
            () => fixture.RunAsync("tokens", "show", $"solana:{address}", "--json"),
            r => r.ExitCode == ExitCodes.Ok && JsonDocument.Parse(r.StdOut).RootElement.GetProperty("channels").GetArrayLength() == 3,
            "the token shows three channels");
        using (var doc = JsonDocument.Parse(token.StdOut))
        {
            Assert.Equal($"solana:{address}", doc.RootElement.GetProperty("tokenKey").GetString());
            Assert.Equal(3, doc.RootElement.GetProperty("mentions").GetArrayLength());
            Assert.Equal(
                fixture.Setup.Plan.Channels.OrderBy(c => c, StringComparer.Ordinal),
                doc.RootElement.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("channel").GetString()!).OrderBy(c => c, StringComparer.Ordinal));
        }

        // Other tests may add rules to the same destination; the default rule (3 channels in 10 minutes) is always there.
        var alerts = await Eventually.MatchAsync(
            () => fixture.RunAsync("alerts", "list", "--destination", fixture.Setup.Plan.DestinationName, "--json"),
            r => r.ExitCode == ExitCodes.Ok && AlertsFor(r, address).Any(a => IsDeliveredDefault(a)),
            "the default rule's alert for the token is delivered");
        var alert = Assert.Single(AlertsFor(alerts, address), IsDeliveredDefault);
        Assert.Equal(fixture.Setup.Plan.DestinationName, alert.GetProperty("destination").GetString());
        Assert.True(alert.GetProperty("telegramMessageId").GetInt32() > 0);

        var pending = await fixture.RunAsync("alerts", "list", "--pending", "--json");
        CliClusterFixture.AssertOk(pending);
        Assert.All(AlertsFor(pending, address), a => Assert.Equal("pending", a.GetProperty("status").GetString()));
        Assert.DoesNotContain(AlertsFor(pending, address), a => a.GetProperty("alertId").GetString() == alert.GetProperty("alertId").GetString());
    }

    private static bool IsDeliveredDefault(JsonElement alert) =>
        alert.GetProperty("rule").GetString() == "default" && alert.GetProperty("status").GetString() == "delivered";

    [Fact]
    public async Task Alerts_list_for_an_unknown_destination_fails_with_exit_code_1()
    {
        var run = await fixture.RunAsync("alerts", "list", "--destination", "nowhere");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("nowhere", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_kick_reports_the_outbox_of_a_known_destination_and_refuses_an_unknown_one()
    {
        var kick = await fixture.RunAsync("alerts", "kick", fixture.Setup.Plan.DestinationName, "--json");
        var unknown = await fixture.RunAsync("alerts", "kick", "nowhere");

        CliClusterFixture.AssertOk(kick);
        using var doc = JsonDocument.Parse(kick.StdOut);
        Assert.Equal(fixture.Setup.Plan.DestinationName, doc.RootElement.GetProperty("destination").GetString());
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("pending").ValueKind);
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
    }

    [Fact]
    public async Task Rules_set_is_visible_in_rules_list_and_destinations_list()
    {
        var destination = fixture.Setup.Plan.DestinationName;

        var set = await fixture.RunAsync("rules", "set", destination, "--name", "cli-fast", "--tiers", "2/5m,4/2h", "--cooldown", "15m", "--weight", "cli_01=2", "--deny", "@cli_03");

        CliClusterFixture.AssertOk(set);
        var list = await fixture.RunAsync("rules", "list", destination, "--json");
        CliClusterFixture.AssertOk(list);
        using var doc = JsonDocument.Parse(list.StdOut);
        var rule = doc.RootElement.GetProperty(destination).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "cli-fast");
        Assert.Equal(["5m", "2h"], rule.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("window").GetString()));
        Assert.Equal([2, 4], rule.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("minChannels").GetInt32()));
        Assert.Equal("15m", rule.GetProperty("cooldown").GetString());
        Assert.Equal(2, rule.GetProperty("channelWeights").GetProperty("cli_01").GetDouble());
        Assert.Equal(["cli_03"], rule.GetProperty("denyChannels").EnumerateArray().Select(c => c.GetString()));

        var destinations = await fixture.RunAsync("destinations", "list", "--json");
        CliClusterFixture.AssertOk(destinations);
        Assert.Contains("cli-fast", destinations.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_set_on_an_unknown_destination_is_refused_by_the_catalog()
    {
        var run = await fixture.RunAsync("rules", "set", "nowhere", "--tiers", "3/10m");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("nowhere", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destinations_add_with_a_registered_sender_is_listed_with_the_default_rule()
    {
        var add = await fixture.RunAsync("destinations", "add", "cli-second", "--peer", "@cli_alerts", "--session", "notifier", "--json");

        CliClusterFixture.AssertOk(add);
        var list = await fixture.RunAsync("destinations", "list", "--json");
        using var doc = JsonDocument.Parse(list.StdOut);
        var added = doc.RootElement.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "cli-second");
        Assert.Equal("notifier", added.GetProperty("session").GetString());
        Assert.Equal("session", added.GetProperty("via").GetString());
        Assert.Equal("default", added.GetProperty("rules")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Tail_prints_live_entries_as_json_lines_and_stops_at_the_count()
    {
        using var posting = new CancellationTokenSource();
        var tail = fixture.RunAsync("tail", "--recent", "0", "--count", "2", "--json");
        // Keep the pipeline busy until tail has what it asked for: the subscription starts at an unknown moment.
        var poster = Task.Run(async () =>
        {
            for (var i = 0; !posting.IsCancellationRequested; i++)
            {
                fixture.Cluster.World.Post(fixture.Setup.ChannelIds[i % 3], $"gm #{i} $T {TestAddresses.Solana(9000 + i)}");
                await Task.Delay(200);
            }
        });

        var run = await tail;
        await posting.CancelAsync();
        await poster;

        CliClusterFixture.AssertOk(run);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("kind").GetString()));
            Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("subject").GetString()));
        }
    }

    [Fact]
    public async Task Tail_with_a_timeout_ends_normally()
    {
        var run = await fixture.RunAsync("tail", "--recent", "0", "--timeout", "1s");

        CliClusterFixture.AssertOk(run);
    }

    private static List<JsonElement> AlertsFor(CliRun run, string address)
    {
        using var doc = JsonDocument.Parse(run.StdOut);
        return doc.RootElement.EnumerateArray()
            .Where(a => a.GetProperty("tokenKey").GetString() == $"solana:{address}")
            .Select(a => a.Clone())
            .ToList();
    }
}
