using System.Security.Cryptography;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests.World;

/// <summary>Per-channel pts and event logs, accounts' common boxes, and the update-box feed front ends read.</summary>
public sealed class UpdateBoxTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Channel_pts_counts_posts_and_edits_once_and_deletions_per_id()
    {
        await using var test = new TestWorld();
        var reader = BoxConnection(test, TestWorld.ReaderPhone);
        reader.JoinChannel(test.Calls.ToPeer());

        for (var i = 1; i <= 3; i++)
        {
            test.World.Post(test.Calls.Id, $"post {i}");
        }

        test.World.Edit(test.Calls.Id, 2, "post 2 edited");
        test.World.Delete(test.Calls.Id, 1, 3, 99);

        Assert.Equal(6, test.World.ChannelPts(test.Calls.Id));
        var pushed = Drain(reader);
        Assert.Equal([1, 2, 3, 4, 6], pushed.Select(u => u.Pts));
        Assert.Equal([WorldUpdateKind.NewMessage, WorldUpdateKind.NewMessage, WorldUpdateKind.NewMessage, WorldUpdateKind.EditMessage, WorldUpdateKind.DeleteMessages], pushed.Select(u => u.Kind));
        Assert.Equal(2, pushed[^1].PtsCount);
        Assert.Equal([1, 3], pushed[^1].DeletedIds);
        Assert.Empty(reader.Updates.Drain());
    }

    [Fact]
    public async Task Channel_events_after_a_pts_carry_messages_as_they_are_now()
    {
        await using var test = new TestWorld();
        var reader = BoxConnection(test, TestWorld.ReaderPhone);
        test.World.Post(test.Calls.Id, "one");
        test.World.Post(test.Calls.Id, "two");
        test.World.Edit(test.Calls.Id, 1, "one edited");
        test.World.Delete(test.Calls.Id, 2);

        var events = reader.GetChannelEvents(test.Calls.ToPeer(), 1, 10);
        var capped = reader.GetChannelEvents(test.Calls.ToPeer(), 0, 2);

        Assert.Equal(4, events.Pts);
        Assert.Equal([2, 3, 4], events.Events.Select(e => e.Pts));
        Assert.Null(events.Events[0].Message);
        Assert.Equal("one edited", events.Events[1].Message!.Text);
        Assert.Equal([1, 2], capped.Events.Select(e => e.Pts));
        Assert.Equal("one edited", capped.Events[0].Message!.Text);
    }

    [Fact]
    public async Task A_message_to_a_user_lands_in_both_common_boxes_and_is_pushed_to_the_recipient()
    {
        await using var test = new TestWorld();
        var reader = BoxConnection(test, TestWorld.ReaderPhone);
        var notifier = BoxConnection(test, TestWorld.NotifierPhone);
        var readerPeer = notifier.ResolvePeer("@reader_account");

        var sent = await notifier.SendMessageAsync(readerPeer, "psst", [new TextEntity(TextEntityKind.Italic, 0, 4)], 5, None);

        Assert.Equal((1, 1), (sent.Pts, sent.PtsCount));
        Assert.Equal((1, 1), (test.World.CommonPts(test.Reader.Id), test.World.CommonPts(test.Notifier.Id)));
        var pushed = Assert.Single(Drain(reader));
        Assert.Equal((WorldUpdateKind.NewMessage, PeerKind.User, test.Notifier.Id), (pushed.Kind, pushed.RoomKind, pushed.Message!.SenderUserId!.Value));
        Assert.Empty(Drain(notifier));
        Assert.Equal("psst", Assert.Single(reader.GetCommonEvents(0, 10).Events).Message!.Text);
        Assert.Equal([new TextEntity(TextEntityKind.Italic, 0, 4)], test.World.FindMessage(test.Reader.Id, 1)!.Entities);
    }

    [Fact]
    public async Task History_pages_follow_telegrams_offsets()
    {
        await using var test = new TestWorld();
        var reader = BoxConnection(test, TestWorld.ReaderPhone);
        for (var i = 1; i <= 6; i++)
        {
            test.World.Post(test.Calls.Id, $"post {i}");
        }

        test.World.Delete(test.Calls.Id, 5);

        var newest = reader.GetHistoryPage(test.Calls.ToPeer(), new HistoryQuery(Limit: 3));
        var afterTwo = reader.GetHistoryPage(test.Calls.ToPeer(), new HistoryQuery(MinId: 2, Limit: 100));
        var aroundThree = reader.GetHistoryPage(test.Calls.ToPeer(), new HistoryQuery(OffsetId: 3, AddOffset: -2, Limit: 3));

        Assert.Equal([6, 4, 3], newest.Messages.Select(m => m.Id));
        Assert.Equal((5, 7), (newest.Count, newest.Pts));
        Assert.Equal([6, 4, 3], afterTwo.Messages.Select(m => m.Id));
        Assert.Equal([4, 3, 2], aroundThree.Messages.Select(m => m.Id));
    }

    [Fact]
    public async Task Posted_links_without_positions_cover_words_and_html_sends_keep_their_entities()
    {
        await using var test = new TestWorld();
        test.World.AllowToWrite(test.Calls.Id, test.Reader.Id);
        var connection = await test.LoggedInReaderAsync();

        var post = test.World.Post(test.Calls.Id, "new gem chart", ["https://a.example", "https://b.example"]);
        await connection.SendMessageAsync(test.Calls.ToPeer(), "<b>big</b> call: <a href=\"https://dex.example/x\">chart</a>", 1, None);

        Assert.Equal(["https://a.example", "https://b.example"], post.Links);
        Assert.Equal(
            [TextEntity.Link(0, 3, "https://a.example"), TextEntity.Link(4, 3, "https://b.example")],
            test.World.FindMessage(test.Calls.Id, 1)!.Entities);
        var sent = test.World.FindMessage(test.Calls.Id, 2)!;
        Assert.Equal("big call: chart", sent.Text);
        Assert.Equal([new TextEntity(TextEntityKind.Bold, 0, 3), TextEntity.Link(10, 5, "https://dex.example/x")], sent.Entities);
        Assert.Equal(["https://dex.example/x"], Assert.Single(test.World.MessagesIn(test.Calls.Id), m => m.MessageId == 2).Links);
    }

    [Fact]
    public async Task An_exported_authorization_is_spent_by_one_import_on_its_DC()
    {
        await using var test = new TestWorld();
        test.World.AddUser("+44 7700 900009", "Far Away", homeDc: 4);
        var home = BoxConnection(test, TestWorld.ReaderPhone);
        var (keyId, _) = NewKey(test);
        var visitor = test.World.OpenConnection("visitor", keyId, ConnectionFeed.UpdateBoxes);

        var (id, bytes) = home.ExportAuthorization(1);
        var wrongDc = Assert.Throws<TelegramPermanentException>(() => visitor.ImportAuthorization(3, id, bytes));
        var outcome = visitor.ImportAuthorization(1, id, bytes);
        var again = Assert.Throws<TelegramPermanentException>(() => visitor.ImportAuthorization(1, id, bytes));

        Assert.Equal("AUTH_BYTES_INVALID", wrongDc.ErrorCode);
        Assert.Equal((LoginStatus.LoggedIn, test.Reader.Id), (outcome.Status, outcome.User!.Id));
        Assert.Equal("AUTH_BYTES_INVALID", again.ErrorCode);
        Assert.Equal(4, visitor.HomeDcOf("+44 7700 900009"));
        Assert.Equal(2, visitor.HomeDcOf(TestWorld.ReaderPhone));
    }

    private static WorldConnection BoxConnection(TestWorld test, string phone)
    {
        var (keyId, name) = NewKey(test);
        test.World.AuthorizeAuthKey(keyId, phone);
        return test.World.OpenConnection(name, keyId, ConnectionFeed.UpdateBoxes);
    }

    private static (long KeyId, string Name) NewKey(TestWorld test)
    {
        var keyId = test.World.RegisterAuthKey(RandomNumberGenerator.GetBytes(256));
        return (keyId, $"box-{keyId:x}");
    }

    private static List<WorldUpdate> Drain(WorldConnection connection)
    {
        var drained = new List<WorldUpdate>();
        while (connection.BoxUpdates.TryRead(out var update))
        {
            drained.Add(update);
        }

        return drained;
    }
}
