using Microsoft.Extensions.Time.Testing;
using Signals.Telegram.Emulator.Demo;
using Signals.Telegram.Emulator.InProcess;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests.Demo;

public sealed class DemoFeedTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2026)]
    public void At_the_default_rate_three_channels_call_one_token_within_the_first_minute(int seed)
    {
        var (world, setup, time) = NewWorld();
        var options = new DemoOptions { Seed = seed };
        var feed = new DemoFeed(world, setup, options, time);

        RunFor(feed, time, options, TimeSpan.FromMinutes(1));

        var confluent = ConfluentTokens(world, setup, feed, Window);
        Assert.NotEmpty(confluent);
    }

    [Fact]
    public void Over_an_hour_many_tokens_reach_three_channels()
    {
        var (world, setup, time) = NewWorld();
        var options = new DemoOptions();
        var feed = new DemoFeed(world, setup, options, time);

        RunFor(feed, time, options, TimeSpan.FromHours(1));

        Assert.True(ConfluentTokens(world, setup, feed, Window).Count >= 5);
    }

    [Fact]
    public void Some_tokens_are_called_by_only_one_or_two_channels()
    {
        var (world, setup, time) = NewWorld();
        var options = new DemoOptions();
        var feed = new DemoFeed(world, setup, options, time);

        // Ten minutes: before the token pool comes round again.
        RunFor(feed, time, options, TimeSpan.FromMinutes(10));

        var channelsPerToken = feed.Tokens
            .Select(t => CallingChannels(world, setup, t).Select(c => c.ChannelId).Distinct().Count())
            .ToList();
        Assert.Contains(channelsPerToken, n => n is 1 or 2);
        Assert.Contains(channelsPerToken, n => n >= 3);
    }

    [Fact]
    public void The_feed_mixes_calls_chatter_hidden_links_teasers_edits_and_deletes()
    {
        var (world, setup, time) = NewWorld();
        var options = new DemoOptions();
        var feed = new DemoFeed(world, setup, options, time);

        var actions = Enumerable.Range(0, 600).Select(_ => feed.Step()).ToList();

        var kinds = actions.Select(a => a.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<DemoActionKind>().ToHashSet(), kinds);

        var posts = setup.CallChannels.SelectMany(c => world.Posts(c.Id)).ToList();
        Assert.Contains(posts, p => !PostAddresses.In(p).Any());
        Assert.Contains(posts, p => p.Links.Count > 0 && !PostAddresses.In(p with { Links = [] }).Any() && PostAddresses.In(p).Any());
        Assert.Contains(posts, p => p.EditDate is not null);
        Assert.Contains(posts, p => p.Text.Contains("dexscreener.com/", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Text.Contains("pump.fun/coin/", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Kind == DemoActionKind.Delete && world.Posts(a.ChannelId).All(p => p.MessageId != a.MessageId));
    }

    [Fact]
    public void Every_address_is_valid_and_belongs_to_a_feed_token()
    {
        var (world, setup, time) = NewWorld();
        var feed = new DemoFeed(world, setup, new DemoOptions(), time);
        for (var i = 0; i < 400; i++)
        {
            feed.Step();
        }

        Assert.All(feed.Tokens, t => Assert.True(PostAddresses.IsValid(t.Address), t.Address));
        Assert.Contains(feed.Tokens, t => t.IsSolana);
        Assert.Contains(feed.Tokens, t => !t.IsSolana);
        var named = setup.CallChannels.SelectMany(c => world.Posts(c.Id)).SelectMany(PostAddresses.In).ToHashSet();
        Assert.NotEmpty(named);
        Assert.Subset(feed.Tokens.Select(t => t.Address).ToHashSet(), named);
    }

    [Fact]
    public void The_same_seed_makes_the_same_posts()
    {
        var (firstWorld, firstSetup, firstTime) = NewWorld();
        var (secondWorld, secondSetup, secondTime) = NewWorld();
        var first = new DemoFeed(firstWorld, firstSetup, new DemoOptions { Seed = 5 }, firstTime);
        var second = new DemoFeed(secondWorld, secondSetup, new DemoOptions { Seed = 5 }, secondTime);
        var other = new DemoFeed(NewWorld().World, firstSetup, new DemoOptions { Seed = 6 }, firstTime);

        var a = Enumerable.Range(0, 100).Select(_ => first.Step()).ToList();
        var b = Enumerable.Range(0, 100).Select(_ => second.Step()).ToList();

        Assert.Equal(a.Select(x => (x.Kind, x.ChannelId, x.MessageId, x.Text)), b.Select(x => (x.Kind, x.ChannelId, x.MessageId, x.Text)));
        Assert.NotEqual(first.Tokens, other.Tokens);
    }

    [Fact]
    public void Seeding_creates_channels_accounts_and_a_destination_the_notifier_can_write_to()
    {
        var world = new TelegramWorld();

        var setup = DemoWorld.Seed(world, new DemoOptions());

        Assert.Equal(6, setup.CallChannels.Count);
        Assert.All(setup.CallChannels, c => Assert.Equal(PeerKind.Channel, c.Kind));
        Assert.Equal(setup.CallChannels.Count, setup.CallChannels.Select(c => c.Username).Distinct().Count());
        Assert.Equal("9996610001", setup.Reader.Phone);
        Assert.Equal("9996610002", setup.Notifier.Phone);
        Assert.All(setup.CallChannels, c => Assert.True(world.IsMember(c.Id, setup.Reader.Id)));
        Assert.Equal(setup.Destination, world.FindChat("@signals_alerts"));
    }

    [Fact]
    public async Task Demo_accounts_log_in_with_the_test_code_and_the_notifier_can_send()
    {
        var world = new TelegramWorld();
        var setup = DemoWorld.Seed(world, new DemoOptions());
        await using var connector = new EmulatorTelegramConnector(world);
        var notifier = await connector.ConnectAsync("notifier", null, new RecordingSessionStore(), CancellationToken.None);

        var sent = await notifier.SendCodeAsync("+999 66 1 0002", CancellationToken.None);
        var outcome = await notifier.SignInAsync("+999 66 1 0002", sent.PhoneCodeHash, "11111", CancellationToken.None);
        var destination = await notifier.ResolvePeerAsync("@signals_alerts", CancellationToken.None);
        await notifier.SendMessageAsync(destination, "<b>alert</b>", 1, CancellationToken.None);

        Assert.Equal(LoginStatus.LoggedIn, outcome.Status);
        Assert.Equal("alert", Assert.Single(world.MessagesIn(setup.Destination.Id)).Text);
    }

    [Fact]
    public async Task Running_on_a_clock_takes_a_step_per_interval_and_stops_when_cancelled()
    {
        var (world, setup, time) = NewWorld();
        var options = new DemoOptions { PostsPerMinute = 60 };
        var feed = new DemoFeed(world, setup, options, time);
        using var stop = new CancellationTokenSource();

        var running = feed.RunAsync(stop.Token);
        for (var i = 0; i < 2000 && feed.StepsTaken < 10; i++)
        {
            // Advancing before the feed is waiting would be lost; waiting a moment first makes each advance count.
            await Task.Delay(1);
            time.Advance(options.Interval);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(feed.StepsTaken >= 10);
        Assert.True(world.Counters.PostsPublished > 0);
    }

    private static (TelegramWorld World, DemoSetup Setup, FakeTimeProvider Time) NewWorld()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var world = new TelegramWorld(new WorldOptions(), time);
        return (world, DemoWorld.Seed(world, new DemoOptions()), time);
    }

    private static void RunFor(DemoFeed feed, FakeTimeProvider time, DemoOptions options, TimeSpan duration)
    {
        // What RunAsync does, one step per interval, without waiting for real time.
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += options.Interval)
        {
            feed.Step();
            time.Advance(options.Interval);
        }
    }

    /// <summary>Tokens that three or more distinct channels named within <paramref name="window"/>, read from the world's posts.</summary>
    private static List<DemoToken> ConfluentTokens(TelegramWorld world, DemoSetup setup, DemoFeed feed, TimeSpan window) =>
        feed.Tokens.Where(token =>
        {
            var calls = CallingChannels(world, setup, token);
            return calls.Any(first => calls.Where(c => c.Date >= first.Date && c.Date - first.Date <= window).Select(c => c.ChannelId).Distinct().Count() >= 3);
        }).ToList();

    private static List<(long ChannelId, DateTimeOffset Date)> CallingChannels(TelegramWorld world, DemoSetup setup, DemoToken token) =>
        setup.CallChannels
            .SelectMany(c => world.Posts(c.Id))
            .Where(p => PostAddresses.In(p).Contains(token.Address))
            .Select(p => (p.ChannelId, p.EditDate ?? p.Date))
            .ToList();
}
