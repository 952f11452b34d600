using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests.World;

public sealed class ChannelTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Updates_arrive_only_for_channels_the_account_joined()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        test.World.Post(test.Calls.Id, "before join");
        Assert.Empty(connection.Updates.Drain());

        await connection.JoinChannelAsync(await connection.ResolvePeerAsync("@gem_calls", None), None);
        test.World.Post(test.Calls.Id, "after join");
        test.World.Post(test.Radar.Id, "not joined");

        var update = Assert.Single(connection.Updates.Drain());
        Assert.Equal(ChannelUpdateKind.NewPost, update.Kind);
        Assert.Equal(test.Calls.Id, update.ChannelId);
        Assert.Equal("after join", update.Post!.Text);
        Assert.Equal(2, update.Post.MessageId);
        Assert.True(test.World.IsMember(test.Calls.Id, test.Reader.Id));
    }

    [Fact]
    public async Task Every_live_session_of_a_member_gets_the_update()
    {
        await using var test = new TestWorld();
        var first = await test.LoggedInReaderAsync("reader-1");
        var second = await test.LoggedInReaderAsync("reader-2");
        await first.JoinChannelAsync(test.Calls.ToPeer(), None);

        test.World.Post(test.Calls.Id, "hello");

        Assert.Single(first.Updates.Drain());
        Assert.Single(second.Updates.Drain());
    }

    [Fact]
    public async Task History_after_an_id_is_oldest_first_and_skips_deleted_posts()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        for (var i = 1; i <= 6; i++)
        {
            test.World.Post(test.Calls.Id, $"post {i}");
        }

        test.World.Delete(test.Calls.Id, 4);

        var history = await connection.GetHistoryAsync(test.Calls.ToPeer(), 2, 10, None);
        var limited = await connection.GetHistoryAsync(test.Calls.ToPeer(), 0, 2, None);

        Assert.Equal([3, 5, 6], history.Select(p => p.MessageId));
        Assert.Equal(["post 3", "post 5", "post 6"], history.Select(p => p.Text));
        Assert.Equal([1, 2], limited.Select(p => p.MessageId));
        Assert.Empty(await connection.GetHistoryAsync(test.Calls.ToPeer(), 6, 10, None));
    }

    [Fact]
    public async Task History_larger_than_a_telegram_page_is_read_in_full()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        for (var i = 1; i <= 250; i++)
        {
            test.World.Post(test.Calls.Id, $"post {i}");
        }

        var history = await connection.GetHistoryAsync(test.Calls.ToPeer(), 10, 1000, None);

        Assert.Equal(Enumerable.Range(11, 240), history.Select(p => p.MessageId));
    }

    [Fact]
    public async Task Posts_carry_dates_from_the_world_clock_and_hidden_links()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        test.Time.Advance(TimeSpan.FromSeconds(90.7));

        test.World.Post(test.Calls.Id, "chart in the link", ["https://dexscreener.com/solana/abc"]);

        var post = Assert.Single(await connection.GetHistoryAsync(test.Calls.ToPeer(), 0, 10, None));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 1, 30, TimeSpan.Zero), post.Date);
        Assert.Null(post.EditDate);
        Assert.Equal(["https://dexscreener.com/solana/abc"], post.Links);
    }

    [Fact]
    public async Task Edits_and_deletes_are_pushed_to_members()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        await connection.JoinChannelAsync(test.Calls.ToPeer(), None);
        var original = test.World.Post(test.Calls.Id, "CA soon");
        test.Time.Advance(TimeSpan.FromMinutes(1));

        test.World.Edit(test.Calls.Id, original.MessageId, "CA: here", ["https://pump.fun/coin/x"]);
        test.World.Delete(test.Calls.Id, original.MessageId, 99);

        var updates = connection.Updates.Drain();
        Assert.Equal([ChannelUpdateKind.NewPost, ChannelUpdateKind.EditedPost, ChannelUpdateKind.DeletedPosts], updates.Select(u => u.Kind));
        Assert.Equal("CA: here", updates[1].Post!.Text);
        Assert.Equal(original.Date.AddMinutes(1), updates[1].Post!.EditDate);
        Assert.Equal(["https://pump.fun/coin/x"], updates[1].Post!.Links);
        Assert.Equal([original.MessageId], updates[2].DeletedMessageIds);
        Assert.Empty(test.World.Posts(test.Calls.Id));
    }

    [Fact]
    public async Task Latest_message_id_is_the_newest_post_that_still_exists()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        Assert.Equal(0, await connection.GetLatestMessageIdAsync(test.Calls.ToPeer(), None));

        test.World.Post(test.Calls.Id, "one");
        test.World.Post(test.Calls.Id, "two");
        Assert.Equal(2, await connection.GetLatestMessageIdAsync(test.Calls.ToPeer(), None));

        test.World.Delete(test.Calls.Id, 2);
        Assert.Equal(1, await connection.GetLatestMessageIdAsync(test.Calls.ToPeer(), None));
    }

    [Theory]
    [InlineData("@gem_calls")]
    [InlineData("gem_calls")]
    [InlineData("GEM_Calls")]
    [InlineData(" @gem_calls ")]
    public async Task Resolve_accepts_a_username_with_or_without_at(string name)
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();

        var peer = await connection.ResolvePeerAsync(name, None);

        Assert.Equal(test.Calls.ToPeer(), peer);
        Assert.Equal(PeerKind.Channel, peer.Kind);
        Assert.Equal("Gem Calls", peer.Title);
    }

    [Fact]
    public async Task Resolve_accepts_bare_and_bot_api_ids_and_usernames_of_users()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();

        var bare = await connection.ResolvePeerAsync(test.Calls.Id.ToString(), None);
        var botApi = await connection.ResolvePeerAsync($"-100{test.Calls.Id}", None);
        var user = await connection.ResolvePeerAsync("@reader_account", None);

        Assert.Equal(test.Calls.Id, bare.Id);
        Assert.Equal(test.Calls.Id, botApi.Id);
        Assert.Equal(PeerKind.User, user.Kind);
        Assert.Equal(test.Reader.Id, user.Id);
        Assert.Equal(3, test.World.Counters.PeersResolved);
    }

    [Fact]
    public async Task Unknown_names_and_ids_are_not_found()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();

        var name = await Assert.ThrowsAsync<TelegramNotFoundException>(() => connection.ResolvePeerAsync("@nobody_here", None));
        var id = await Assert.ThrowsAsync<TelegramNotFoundException>(() => connection.ResolvePeerAsync("123", None));

        Assert.Equal("USERNAME_NOT_OCCUPIED", name.ErrorCode);
        Assert.Equal(TelegramErrorKind.NotFound, name.Kind);
        Assert.Equal("PEER_ID_INVALID", id.ErrorCode);
    }

    [Fact]
    public async Task A_peer_with_a_forged_access_hash_is_refused()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        var forged = test.Calls.ToPeer() with { AccessHash = test.Calls.AccessHash + 1 };

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(() => connection.GetHistoryAsync(forged, 0, 10, None));

        Assert.Equal("CHANNEL_INVALID", error.ErrorCode);
    }

    [Fact]
    public void Worlds_built_alike_hand_out_the_same_ids_and_access_hashes()
    {
        var first = new TestWorld();
        var second = new TestWorld();

        Assert.Equal(first.Calls, second.Calls);
        Assert.Equal(first.Alerts, second.Alerts);
        Assert.NotEqual(first.Calls.AccessHash, first.Radar.AccessHash);
    }
}
