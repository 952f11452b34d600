using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Client.Updates;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Messages;
using Signals.Telegram.Tl.Updates;

namespace Signals.Telegram.Client.Tests.Updates;

/// <summary>The update state machine against a scripted server: pts order, duplicates, gaps, differences.</summary>
public sealed class UpdateEngineTests
{
    private const long ChannelId = 1001;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(TlBuild.Date));
    private readonly SessionState _state = LoggedInState();

    [Fact]
    public async Task Updates_in_pts_order_are_emitted_once_and_repeats_are_dropped()
    {
        var invoker = new ScriptedInvoker(call => throw new InvalidOperationException($"unexpected {call.GetType().Name}"));
        await using var engine = Start(invoker);

        engine.Post(TlBuild.Push(TlBuild.New(ChannelId, 6, 11), TlBuild.New(ChannelId, 7, 12)));
        engine.Post(TlBuild.Push(TlBuild.New(ChannelId, 6, 11)));
        engine.Post(new UpdateShort { Update = TlBuild.Edit(ChannelId, 6, 13, "edited"), Date = TlBuild.Date });
        engine.Post(TlBuild.Push(TlBuild.Delete(ChannelId, 14, 7), TlBuild.Edit(ChannelId, 6, 13, "edited")));
        var output = await Emitted(engine);

        Assert.Equal(
            ["new 6", "new 7", "edit 6 edited", "delete 7"],
            output.Select(Describe));
        Assert.Equal(new ChannelUpdateState(14, 7), _state.Channel(ChannelId));
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task A_gap_closed_by_a_late_update_within_the_wait_needs_no_difference()
    {
        var invoker = new ScriptedInvoker(call => throw new InvalidOperationException($"unexpected {call.GetType().Name}"));
        await using var engine = Start(invoker);

        engine.Post(TlBuild.Push(TlBuild.New(ChannelId, 8, 12)));
        await engine.DrainAsync().WaitAsync(Timeout);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        engine.Post(TlBuild.Push(TlBuild.New(ChannelId, 7, 11)));
        await engine.DrainAsync().WaitAsync(Timeout);
        _time.Advance(TimeSpan.FromSeconds(2));
        var output = await Emitted(engine);

        Assert.Equal(["new 7", "new 8"], output.Select(Describe));
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task A_gap_still_open_after_the_wait_is_filled_by_get_channel_difference_without_repeats()
    {
        var invoker = new ScriptedInvoker(call => call switch
        {
            GetChannelDifference { Pts: 10 } => new ChannelDifference
            {
                Final = true,
                Pts = 13,
                NewMessages = [TlBuild.Post(ChannelId, 8, "post 8"), TlBuild.Post(ChannelId, 7, "post 7"), TlBuild.Post(ChannelId, 9, "post 9")],
            },
            _ => throw new InvalidOperationException($"unexpected {call.GetType().Name}"),
        });
        await using var engine = Start(invoker);

        engine.Post(TlBuild.Push(TlBuild.New(ChannelId, 8, 12)));
        await engine.DrainAsync().WaitAsync(Timeout);
        Assert.Empty(invoker.Calls);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        engine.Post(TlBuild.Push(TlBuild.New(ChannelId, 9, 13)));
        var output = await Emitted(engine);

        Assert.Equal(["new 7", "new 8", "new 9"], output.Select(Describe));
        var asked = Assert.Single(invoker.CallsOf<GetChannelDifference>());
        Assert.Equal((ChannelId, 55L), (((InputChannel)asked.Channel).ChannelId, ((InputChannel)asked.Channel).AccessHash));
        Assert.Equal(new ChannelUpdateState(13, 9), _state.Channel(ChannelId));
    }

    [Fact]
    public async Task Updates_too_long_fetches_the_common_difference_and_every_channel_until_final()
    {
        var invoker = new ScriptedInvoker(call => call switch
        {
            GetDifference { Pts: 100, Qts: 1, Date: TlBuild.Date } => new DifferenceSlice
            {
                IntermediateState = new State { Pts = 150, Qts = 1, Seq = 20, Date = TlBuild.Date + 5 },
                OtherUpdates = [new UpdateChannelTooLong { ChannelId = ChannelId }],
            },
            GetDifference { Pts: 150 } => new Difference { State = new State { Pts = 160, Qts = 2, Seq = 21, Date = TlBuild.Date + 9 } },
            GetChannelDifference { Pts: 10 } => new ChannelDifference { Final = false, Pts = 11, NewMessages = [TlBuild.Post(ChannelId, 6, "a")] },
            GetChannelDifference { Pts: 11 } => new ChannelDifference
            {
                Final = true,
                Pts = 13,
                NewMessages = [TlBuild.Post(ChannelId, 7, "b")],
                OtherUpdates = [TlBuild.Edit(ChannelId, 6, 13, "a2")],
            },
            GetChannelDifference { Pts: 13 } => new ChannelDifferenceEmpty { Final = true, Pts = 13 },
            _ => throw new InvalidOperationException($"unexpected {call.GetType().Name}"),
        });
        await using var engine = Start(invoker);

        engine.Post(new UpdatesTooLong());
        var output = await Emitted(engine);

        Assert.Equal(["new 6", "new 7", "edit 6 a2"], output.Select(Describe));
        Assert.Equal(new CommonUpdateState(160, 2, 21, TlBuild.Date + 9), _state.Common);
        Assert.Equal(new ChannelUpdateState(13, 7), _state.Channel(ChannelId));

        // The channel named too long by the common difference is fetched, then (as every known channel) checked once more.
        Assert.Equal([10, 11, 13], invoker.CallsOf<GetChannelDifference>().Select(call => call.Pts));
    }

    [Fact]
    public async Task Channel_difference_too_long_refetches_history_after_the_last_seen_post_and_takes_its_pts()
    {
        var invoker = new ScriptedInvoker(call => call switch
        {
            GetDifference => new DifferenceEmpty { Date = TlBuild.Date, Seq = 10 },
            GetChannelDifference => new ChannelDifferenceTooLong
            {
                Final = true,
                Dialog = new Dialog { Peer = new PeerChannel { ChannelId = ChannelId }, TopMessage = 9, Pts = 400, NotifySettings = new PeerNotifySettings() },
            },
            GetHistory { MinId: 5 } => new ChannelMessages { Pts = 410, Messages = [TlBuild.Post(ChannelId, 9, "c"), TlBuild.Post(ChannelId, 8, "b"), TlBuild.Post(ChannelId, 6, "a")] },
            GetHistory { MinId: 9 } => new ChannelMessages { Pts = 410, Messages = [] },
            _ => throw new InvalidOperationException($"unexpected {call.GetType().Name}"),
        });
        await using var engine = Start(invoker);

        engine.RequestResync();
        var output = await Emitted(engine);

        Assert.Equal(["new 6", "new 8", "new 9"], output.Select(Describe));
        Assert.Equal(new ChannelUpdateState(410, 9), _state.Channel(ChannelId));

        engine.Post(TlBuild.Push(TlBuild.New(ChannelId, 10, 411)));
        Assert.Equal(["new 10"], (await Emitted(engine)).Select(Describe));
    }

    [Fact]
    public async Task A_revoked_login_during_recovery_ends_the_updates_with_unauthorized()
    {
        var invoker = new ScriptedInvoker(_ => throw new RpcErrorException(401, "AUTH_KEY_UNREGISTERED"));
        await using var engine = Start(invoker);

        engine.RequestResync();
        var ended = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => engine.Output.Completion.WaitAsync(Timeout));

        Assert.Equal("AUTH_KEY_UNREGISTERED", ended.ErrorCode);
    }

    [Fact]
    public async Task Fifteen_minutes_of_silence_checks_the_difference()
    {
        var invoker = new ScriptedInvoker(call => call switch
        {
            GetDifference => new DifferenceEmpty { Date = TlBuild.Date + 900, Seq = 12 },
            GetChannelDifference => new ChannelDifferenceEmpty { Final = true, Pts = 10 },
            _ => throw new InvalidOperationException($"unexpected {call.GetType().Name}"),
        });
        await using var engine = Start(invoker);
        await engine.DrainAsync().WaitAsync(Timeout);

        _time.Advance(TimeSpan.FromMinutes(14));
        await engine.DrainAsync().WaitAsync(Timeout);
        Assert.Empty(invoker.Calls);
        _time.Advance(TimeSpan.FromMinutes(1));
        await engine.DrainAsync().WaitAsync(Timeout);
        await engine.DrainAsync().WaitAsync(Timeout);

        Assert.Single(invoker.CallsOf<GetDifference>());
        Assert.Single(invoker.CallsOf<GetChannelDifference>());
    }

    private UpdateEngine Start(IMtprotoInvoker invoker)
    {
        var engine = new UpdateEngine(invoker, _state, UpdateEngineOptions.Default(_time), "test", NullLogger.Instance);
        engine.Start();
        return engine;
    }

    private static async Task<List<ChannelUpdate>> Emitted(UpdateEngine engine)
    {
        await engine.DrainAsync().WaitAsync(Timeout);
        var output = new List<ChannelUpdate>();
        while (engine.Output.TryRead(out var update))
        {
            output.Add(update);
        }

        return output;
    }

    private static string Describe(ChannelUpdate update) => update.Kind switch
    {
        ChannelUpdateKind.NewPost => $"new {update.Post!.MessageId}",
        ChannelUpdateKind.EditedPost => $"edit {update.Post!.MessageId} {update.Post.Text}",
        _ => $"delete {string.Join(',', update.DeletedMessageIds)}",
    };

    private static SessionState LoggedInState()
    {
        var state = new SessionState(2);
        state.SetUser(new TelegramUser(1, "Reader", null));
        state.SetCommon(new CommonUpdateState(100, 1, 10, TlBuild.Date));
        state.RememberPeer(new TelegramPeer(PeerKind.Channel, ChannelId, 55, "calls", "Calls"));
        state.SetChannel(ChannelId, new ChannelUpdateState(10, 5));
        return state;
    }
}
