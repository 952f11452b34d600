using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests.World;

public sealed class SendTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_repeated_random_id_returns_the_earlier_message_and_stores_nothing_new()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();
        var alerts = await notifier.ResolvePeerAsync("@alerts_out", None);

        var first = await notifier.SendMessageAsync(alerts, "alert one", 42, None);
        test.Time.Advance(TimeSpan.FromSeconds(30));
        var again = await notifier.SendMessageAsync(alerts, "alert one, resent", 42, None);

        Assert.False(first.WasDuplicate);
        Assert.True(again.WasDuplicate);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(first.Date, again.Date);
        var stored = Assert.Single(test.World.MessagesIn(test.Alerts.Id));
        Assert.Equal("alert one", stored.Text);
        Assert.Equal(42, stored.RandomId);
        Assert.Equal(test.Notifier.Id, stored.SenderUserId);
        Assert.Equal(1, test.World.Counters.MessagesSent);
        Assert.Equal(1, test.World.Counters.DuplicateSendsSuppressed);
    }

    [Fact]
    public async Task A_random_id_is_remembered_across_connections_of_the_same_account()
    {
        await using var test = new TestWorld();
        var store = new RecordingSessionStore();
        var first = await test.LoggedInNotifierAsync("notifier", store);
        await first.SendMessageAsync(test.Alerts.ToPeer(), "alert", 7, None);
        await first.DisposeAsync();

        var second = await test.ConnectAsync("notifier", store.Latest);
        var again = await second.SendMessageAsync(test.Alerts.ToPeer(), "alert", 7, None);

        Assert.True(again.WasDuplicate);
        Assert.Single(test.World.MessagesIn(test.Alerts.Id));
    }

    [Fact]
    public async Task The_same_random_id_toward_another_peer_is_a_new_message()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();
        var dm = await notifier.ResolvePeerAsync("@reader_account", None);

        var toChannel = await notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 5, None);
        var toUser = await notifier.SendMessageAsync(dm, "alert", 5, None);

        Assert.False(toUser.WasDuplicate);
        Assert.Equal(test.Alerts.Id, toChannel.PeerId);
        Assert.Equal(test.Reader.Id, toUser.PeerId);
        Assert.Single(test.World.MessagesIn(test.Alerts.Id));
        Assert.Single(test.World.MessagesIn(test.Reader.Id));
    }

    [Fact]
    public async Task Html_becomes_plain_text_with_its_links()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();

        await notifier.SendMessageAsync(
            test.Alerts.ToPeer(),
            "<b>3 channels</b> called <code>$GEM</code> &amp; more: <a href=\"https://dexscreener.com/solana/x?a=1&amp;b=2\">chart</a>",
            1,
            None);

        var stored = Assert.Single(test.World.MessagesIn(test.Alerts.Id));
        Assert.Equal("3 channels called $GEM & more: chart", stored.Text);
        Assert.Equal(["https://dexscreener.com/solana/x?a=1&b=2"], stored.Links);
    }

    [Fact]
    public async Task Writing_where_the_account_is_not_allowed_is_forbidden()
    {
        await using var test = new TestWorld();
        var reader = await test.LoggedInReaderAsync();

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(() => reader.SendMessageAsync(test.Alerts.ToPeer(), "hi", 1, None));

        Assert.Equal("CHAT_WRITE_FORBIDDEN", error.ErrorCode);
        Assert.Empty(test.World.MessagesIn(test.Alerts.Id));
    }

    [Fact]
    public async Task A_group_member_with_write_rights_can_send_by_id()
    {
        await using var test = new TestWorld();
        var group = test.World.CreateGroup("Ops");
        test.World.AllowToWrite(group.Id, test.Notifier.Id);
        var notifier = await test.LoggedInNotifierAsync();

        var peer = await notifier.ResolvePeerAsync($"-{group.Id}", None);
        var sent = await notifier.SendMessageAsync(peer, "ops alert", 9, None);

        Assert.Equal(PeerKind.Chat, peer.Kind);
        Assert.Equal(group.Id, sent.PeerId);
        Assert.Equal("ops alert", Assert.Single(test.World.MessagesIn(group.Id)).Text);
    }

    [Fact]
    public async Task A_message_sent_into_a_channel_is_pushed_to_its_members()
    {
        await using var test = new TestWorld();
        var reader = await test.LoggedInReaderAsync();
        await reader.JoinChannelAsync(test.Alerts.ToPeer(), None);
        var notifier = await test.LoggedInNotifierAsync();

        await notifier.SendMessageAsync(test.Alerts.ToPeer(), "alert", 3, None);

        var update = Assert.Single(reader.Updates.Drain());
        Assert.Equal("alert", update.Post!.Text);
    }

    [Fact]
    public async Task Empty_and_overlong_messages_are_refused()
    {
        await using var test = new TestWorld();
        var notifier = await test.LoggedInNotifierAsync();

        var empty = await Assert.ThrowsAsync<TelegramPermanentException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), "<b> </b>", 1, None));
        var tooLong = await Assert.ThrowsAsync<TelegramPermanentException>(() => notifier.SendMessageAsync(test.Alerts.ToPeer(), new string('x', 4097), 2, None));

        Assert.Equal("MESSAGE_EMPTY", empty.ErrorCode);
        Assert.Equal("MESSAGE_TOO_LONG", tooLong.ErrorCode);
    }
}
