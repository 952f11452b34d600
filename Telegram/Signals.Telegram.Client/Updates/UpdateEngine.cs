using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Signals.Telegram.Client.Connection;
using Signals.Telegram.Client.Peers;
using Signals.Telegram.Client.Reading;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Updates;
using Channel = System.Threading.Channels.Channel;

namespace Signals.Telegram.Client.Updates;

/// <summary>
/// Telegram's update state machine (https://core.telegram.org/api/updates), one loop per connection so every box is
/// touched by one thread in arrival order. Per box (common, or one per channel): an update whose pts is
/// local + pts_count is applied; one at or below local was applied before and is dropped; one above leaves a gap,
/// held for <see cref="UpdateEngineOptions.GapWait"/> in case the missing updates are late, after which
/// updates.getDifference / updates.getChannelDifference fetch what is missing. updatesTooLong, a reconnect and a
/// long silence trigger the same recovery for every box. New, edited and deleted channel posts go out on
/// <see cref="Output"/> once each, in pts order per channel; the state lives in <see cref="SessionState"/> (and so in
/// the blob), so a session resumes where it stopped.
/// </summary>
internal sealed class UpdateEngine : IAsyncDisposable
{
    private readonly IMtprotoInvoker _invoker;
    private readonly SessionState _state;
    private readonly UpdateEngineOptions _options;
    private readonly string _sessionName;
    private readonly ILogger _logger;
    private readonly Channel<object> _inputs = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<ChannelUpdate> _output = Channel.CreateUnbounded<ChannelUpdate>(new UnboundedChannelOptions { SingleReader = false });
    private readonly GapBuffer _gaps = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _idle;
    private readonly ITimer _retry;
    private TimeSpan _retryDelay;
    private ITimer? _seqGapTimer;
    private Task _loop = Task.CompletedTask;

    public UpdateEngine(IMtprotoInvoker invoker, SessionState state, UpdateEngineOptions options, string sessionName, ILogger logger)
    {
        _invoker = invoker;
        _state = state;
        _options = options;
        _sessionName = sessionName;
        _logger = logger;
        _retryDelay = options.RetryDelay;
        _idle = options.Time.CreateTimer(_ => _inputs.Writer.TryWrite(Resync.Idle), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _retry = options.Time.CreateTimer(_ => _inputs.Writer.TryWrite(Resync.Retry), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ChannelReader<ChannelUpdate> Output => _output.Reader;

    /// <summary>getDifference / getChannelDifference calls made (for tests and diagnostics).</summary>
    public int DifferenceCalls { get; private set; }

    public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

    /// <summary>Updates pushed by the server, or returned by a method (sendMessage, joinChannel).</summary>
    public void Post(UpdatesBase updates) => _inputs.Writer.TryWrite(updates);

    /// <summary>Fetch the difference of every box: after a (re)connect or when told the state is stale.</summary>
    public void RequestResync() => _inputs.Writer.TryWrite(Resync.Requested);

    /// <summary>Completes once everything posted before this call has been handled (tests use it to step the machine).</summary>
    public Task DrainAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inputs.Writer.TryWrite(done))
        {
            done.TrySetResult();
        }

        return done.Task;
    }

    /// <summary>Stops; <see cref="Output"/> completes with <paramref name="error"/> (null: normally).</summary>
    public async Task StopAsync(Exception? error)
    {
        _inputs.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _output.Writer.TryComplete(error);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(null);
        await _idle.DisposeAsync();
        await _retry.DisposeAsync();
        _gaps.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        ArmIdle();
        await foreach (var input in _inputs.Reader.ReadAllAsync(stopping))
        {
            try
            {
                await HandleAsync(input, stopping);
                _retryDelay = _options.RetryDelay;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (TelegramUnauthorizedException error)
            {
                // The login is gone; the connection reports it. Nothing here can recover from that.
                _output.Writer.TryComplete(error);
                return;
            }
            catch (Exception error)
            {
                // Telegram's own wait wins over our backoff: retrying a difference sooner than FLOOD_WAIT says only
                // extends the wait.
                var delay = error is TelegramFloodWaitException flood && flood.RetryAfter > _retryDelay ? flood.RetryAfter : _retryDelay;
                ConnectionLog.RecoveryFailed(_logger, _sessionName, delay, error);
                _retry.Change(delay, Timeout.InfiniteTimeSpan);
                _retryDelay = _retryDelay * 2 < _options.MaxRetryDelay ? _retryDelay * 2 : _options.MaxRetryDelay;
            }
        }
    }

    private async Task HandleAsync(object input, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case TaskCompletionSource drained:
                drained.TrySetResult();
                break;
            case UpdatesBase updates:
                ArmIdle();
                await HandleUpdatesAsync(updates, cancellationToken);
                break;
            case GapTimeout timeout when _gaps.Holds(timeout.Box):
                _gaps.Clear(timeout.Box);
                await (timeout.Box == PtsSlot.CommonBox ? CommonDifferenceAsync(cancellationToken) : ChannelDifferenceAsync(timeout.Box, cancellationToken));
                break;
            case SeqGapTimeout:
                await CommonDifferenceAsync(cancellationToken);
                break;
            case Resync:
                ArmIdle();
                await ResyncAllAsync(cancellationToken);
                break;
        }
    }

    private async Task HandleUpdatesAsync(UpdatesBase updates, CancellationToken cancellationToken)
    {
        switch (updates)
        {
            case UpdatesTooLong:
                await ResyncAllAsync(cancellationToken);
                break;
            case UpdateShort single:
                await ApplyAsync(single.Update, cancellationToken);
                break;
            case UpdatesFull many:
                await ApplyContainerAsync(many.Updates, many.Chats, many.Users, many.Seq, many.Seq, many.Date, cancellationToken);
                break;
            case UpdatesCombined combined:
                await ApplyContainerAsync(combined.Updates, combined.Chats, combined.Users, combined.SeqStart, combined.Seq, combined.Date, cancellationToken);
                break;
            case UpdateShortMessage shortMessage:
                ApplyCommonPts(new PtsSlot(PtsSlot.CommonBox, shortMessage.Pts, shortMessage.PtsCount));
                break;
            case UpdateShortChatMessage shortChat:
                ApplyCommonPts(new PtsSlot(PtsSlot.CommonBox, shortChat.Pts, shortChat.PtsCount));
                break;
            case UpdateShortSentMessage sent:
                ApplyCommonPts(new PtsSlot(PtsSlot.CommonBox, sent.Pts, sent.PtsCount));
                break;
        }
    }

    /// <summary>
    /// updates / updatesCombined: seq orders the containers of the common box (seq 0: no order). A container from
    /// the past still has its pts-carrying updates checked one by one, so nothing is applied twice; a container from
    /// beyond a seq gap is applied the same way and the gap fetched with getDifference after the wait.
    /// </summary>
    private async Task ApplyContainerAsync(List<Update> updates, List<ChatBase> chats, List<UserBase> users, int seqStart, int seq, int date, CancellationToken cancellationToken)
    {
        TlPeers.Remember(_state, chats, users);
        if (seq != 0 && _state.Common is { } common)
        {
            if (seqStart > common.Seq + 1)
            {
                _seqGapTimer ??= _options.Time.CreateTimer(_ => _inputs.Writer.TryWrite(SeqGapTimeout.Instance), null, _options.GapWait, Timeout.InfiniteTimeSpan);
            }
            else if (seq > common.Seq)
            {
                _state.SetCommon(common with { Seq = seq, Date = Math.Max(common.Date, date) });
            }
        }

        foreach (var update in updates)
        {
            await ApplyAsync(update, cancellationToken);
        }
    }

    private async Task ApplyAsync(Update update, CancellationToken cancellationToken)
    {
        if (update is UpdateChannelTooLong tooLong)
        {
            await ChannelDifferenceAsync(tooLong.ChannelId, cancellationToken);
            return;
        }

        if (PtsSlots.Of(update) is not { } slot)
        {
            return;
        }

        if (slot.Box == PtsSlot.CommonBox)
        {
            ApplyCommonPts(slot);
            return;
        }

        var local = _state.Channel(slot.Box);
        if (local is null)
        {
            // A channel this session has no state for yet: its first update starts the box.
            _state.SetChannel(slot.Box, new ChannelUpdateState(slot.Before, 0));
            local = _state.Channel(slot.Box);
        }

        if (slot.Pts <= local!.Value.Pts)
        {
            return;
        }

        if (slot.Before > local.Value.Pts)
        {
            ConnectionLog.Gap(_logger, _sessionName, $"channel {slot.Box}", local.Value.Pts, slot.Pts, slot.PtsCount);
            _gaps.Hold(slot, update, () => _options.Time.CreateTimer(_ => _inputs.Writer.TryWrite(new GapTimeout(slot.Box)), null, _options.GapWait, Timeout.InfiniteTimeSpan));
            return;
        }

        ApplyChannelUpdate(slot.Box, update, slot.Pts);
        while (_gaps.TakeNext(slot.Box, _state.Channel(slot.Box)!.Value.Pts) is { } next)
        {
            ApplyChannelUpdate(next.Slot.Box, next.Update!, next.Slot.Pts);
        }
    }

    private void ApplyCommonPts(PtsSlot slot)
    {
        // Only the channel boxes produce output; the common box is kept so getDifference asks from the right place.
        if (_state.Common is not { } common || slot.Pts <= common.Pts)
        {
            return;
        }

        if (slot.Before > common.Pts)
        {
            ConnectionLog.Gap(_logger, _sessionName, "common", common.Pts, slot.Pts, slot.PtsCount);
            _gaps.Hold(slot, null, () => _options.Time.CreateTimer(_ => _inputs.Writer.TryWrite(new GapTimeout(PtsSlot.CommonBox)), null, _options.GapWait, Timeout.InfiniteTimeSpan));
            return;
        }

        var pts = slot.Pts;
        while (_gaps.TakeNext(PtsSlot.CommonBox, pts) is { } next)
        {
            pts = next.Slot.Pts;
        }

        _state.SetCommon(common with { Pts = pts });
    }

    /// <summary>Applies one channel update that fits its box, emits what it means, and moves the box to <paramref name="pts"/>.</summary>
    private void ApplyChannelUpdate(long channelId, Update update, int pts)
    {
        var local = _state.Channel(channelId) ?? new ChannelUpdateState(0, 0);
        var last = local.LastMessageId;
        switch (update)
        {
            case UpdateNewChannelMessage created:
                last = EmitNew(created.Message, last);
                break;
            case UpdateEditChannelMessage edited when ChannelPosts.From(edited.Message) is { } post:
                _output.Writer.TryWrite(ChannelUpdate.Edited(post));
                break;
            case UpdateDeleteChannelMessages deleted when deleted.Messages.Count > 0:
                _output.Writer.TryWrite(ChannelUpdate.Deleted(channelId, [.. deleted.Messages]));
                break;
        }

        _state.SetChannel(channelId, new ChannelUpdateState(Math.Max(pts, local.Pts), last));
    }

    /// <summary>Emits a new post unless its id was seen already (ids only grow in a channel); returns the newest id seen.</summary>
    private int EmitNew(MessageBase message, int lastMessageId)
    {
        if (message.IdOf() <= lastMessageId)
        {
            return lastMessageId;
        }

        if (ChannelPosts.From(message) is { } post)
        {
            _output.Writer.TryWrite(ChannelUpdate.New(post));
        }

        return message.IdOf();
    }

    private async Task ResyncAllAsync(CancellationToken cancellationToken)
    {
        _gaps.ClearAll();
        await CommonDifferenceAsync(cancellationToken);
        foreach (var channelId in _state.Channels().Keys.ToList())
        {
            await ChannelDifferenceAsync(channelId, cancellationToken);
        }
    }

    /// <summary>updates.getDifference until the common box is current (https://core.telegram.org/api/updates#fetching-the-difference).</summary>
    private async Task CommonDifferenceAsync(CancellationToken cancellationToken)
    {
        if (_seqGapTimer is not null)
        {
            await _seqGapTimer.DisposeAsync();
            _seqGapTimer = null;
        }

        _gaps.Clear(PtsSlot.CommonBox);
        if (_state.User is null)
        {
            return;
        }

        if (_state.Common is not { } common)
        {
            DifferenceCalls++;
            var current = await _invoker.CallAsync(new GetState(), cancellationToken);
            _state.SetCommon(new CommonUpdateState(current.Pts, current.Qts, current.Seq, current.Date));
            return;
        }

        var tooLongChannels = new List<long>();
        while (true)
        {
            DifferenceCalls++;
            var difference = await _invoker.CallAsync(new GetDifference { Pts = common.Pts, Qts = common.Qts, Date = common.Date }, cancellationToken);
            switch (difference)
            {
                case DifferenceEmpty empty:
                    _state.SetCommon(common with { Seq = empty.Seq, Date = empty.Date });
                    break;
                case Difference full:
                    await ApplyDifferenceAsync(full.NewMessages, full.OtherUpdates, full.Chats, full.Users, tooLongChannels, cancellationToken);
                    _state.SetCommon(common = ToState(full.State));
                    break;
                case DifferenceSlice slice:
                    await ApplyDifferenceAsync(slice.NewMessages, slice.OtherUpdates, slice.Chats, slice.Users, tooLongChannels, cancellationToken);
                    _state.SetCommon(common = ToState(slice.IntermediateState));
                    continue;
                case DifferenceTooLong tooLong:
                    // Too much happened: take the server's pts and ask again from there; channel boxes catch up on their own.
                    _state.SetCommon(common = common with { Pts = tooLong.Pts });
                    continue;
            }

            break;
        }

        foreach (var channelId in tooLongChannels.Distinct())
        {
            await ChannelDifferenceAsync(channelId, cancellationToken);
        }
    }

    private async Task ApplyDifferenceAsync(List<MessageBase> messages, List<Update> others, List<ChatBase> chats, List<UserBase> users, List<long> tooLongChannels, CancellationToken cancellationToken)
    {
        TlPeers.Remember(_state, chats, users);

        // Channel posts normally come through getChannelDifference; should a server put one here, the id guard keeps it single.
        foreach (var message in messages.OrderBy(message => message.IdOf()))
        {
            if (PtsSlots.PeerOf(message) is { } peer && TlPeers.ChannelOf(peer) is { } channelId && _state.Channel(channelId) is { } channel)
            {
                _state.SetChannel(channelId, channel with { LastMessageId = EmitNew(message, channel.LastMessageId) });
            }
        }

        foreach (var update in others)
        {
            if (update is UpdateChannelTooLong tooLong)
            {
                tooLongChannels.Add(tooLong.ChannelId);
            }
            else if (PtsSlots.Of(update) is { Box: not PtsSlot.CommonBox })
            {
                await ApplyAsync(update, cancellationToken);
            }
        }
    }

    /// <summary>updates.getChannelDifference until final (https://core.telegram.org/api/updates#channel-difference).</summary>
    private async Task ChannelDifferenceAsync(long channelId, CancellationToken cancellationToken)
    {
        _gaps.Clear(channelId);
        if (_state.User is null || _state.Peer(channelId) is not { } peer)
        {
            return;
        }

        if (_state.Channel(channelId) is not { } local)
        {
            return;
        }

        var channel = TlPeers.ToInputChannel(peer);
        while (true)
        {
            DifferenceCalls++;
            var difference = await _invoker.CallAsync(
                new GetChannelDifference { Channel = channel, Filter = new ChannelMessagesFilterEmpty(), Pts = local.Pts, Limit = _options.ChannelDifferenceLimit },
                cancellationToken);
            switch (difference)
            {
                case ChannelDifferenceEmpty empty:
                    _state.SetChannel(channelId, local = local with { Pts = Math.Max(local.Pts, empty.Pts) });
                    if (!empty.Final)
                    {
                        continue;
                    }

                    return;
                case ChannelDifference changes:
                    TlPeers.Remember(_state, changes.Chats, changes.Users);
                    var last = local.LastMessageId;
                    foreach (var message in changes.NewMessages.OrderBy(message => message.IdOf()))
                    {
                        last = EmitNew(message, last);
                    }

                    foreach (var update in changes.OtherUpdates)
                    {
                        // Edits and deletions inside the difference are already in order and within its pts range.
                        ApplyChannelUpdateFromDifference(channelId, update);
                    }

                    _state.SetChannel(channelId, local = new ChannelUpdateState(changes.Pts, Math.Max(last, _state.Channel(channelId)?.LastMessageId ?? 0)));
                    if (!changes.Final)
                    {
                        continue;
                    }

                    return;
                case ChannelDifferenceTooLong tooLong:
                    TlPeers.Remember(_state, tooLong.Chats, tooLong.Users);
                    await RefetchAfterTooLongAsync(peer, local, tooLong, cancellationToken);
                    return;
                default:
                    return;
            }
        }
    }

    private void ApplyChannelUpdateFromDifference(long channelId, Update update)
    {
        switch (update)
        {
            case UpdateEditChannelMessage edited when ChannelPosts.From(edited.Message) is { } post:
                _output.Writer.TryWrite(ChannelUpdate.Edited(post));
                break;
            case UpdateDeleteChannelMessages deleted when deleted.ChannelId == channelId && deleted.Messages.Count > 0:
                _output.Writer.TryWrite(ChannelUpdate.Deleted(channelId, [.. deleted.Messages]));
                break;
            case UpdateNewChannelMessage created when _state.Channel(channelId) is { } local:
                _state.SetChannel(channelId, local with { LastMessageId = EmitNew(created.Message, local.LastMessageId) });
                break;
        }
    }

    /// <summary>
    /// channelDifferenceTooLong: the server will not list what changed. Posts after the newest id this session saw
    /// are read with messages.getHistory (edits and deletions in between are lost, as for any Telegram client), and the
    /// box takes the pts the history answer (or the dialog) reports.
    /// </summary>
    private async Task RefetchAfterTooLongAsync(TelegramPeer peer, ChannelUpdateState local, ChannelDifferenceTooLong tooLong, CancellationToken cancellationToken)
    {
        var dialogPts = tooLong.Dialog is Dialog { Pts: { } pts } ? pts : 0;
        var top = tooLong.Dialog is Dialog dialog ? dialog.TopMessage : 0;
        var last = local.LastMessageId;
        ConnectionLog.ChannelTooLong(_logger, _sessionName, peer.Id, last);
        var historyPts = 0;
        if (last == 0)
        {
            // Nothing seen before: there is no "after" to continue from, so the box starts from now.
            last = top;
        }
        else
        {
            while (true)
            {
                var answer = await _invoker.CallAsync(
                    new Tl.Messages.GetHistory { Peer = TlPeers.ToInputPeer(peer), OffsetId = last + 1, AddOffset = -HistoryReader.PageLimit, Limit = HistoryReader.PageLimit, MinId = last },
                    cancellationToken);
                var page = answer is Tl.Messages.ChannelMessages channelPage ? channelPage : null;
                if (page is null)
                {
                    break;
                }

                TlPeers.Remember(_state, page.Chats, page.Users);
                historyPts = Math.Max(historyPts, page.Pts);
                var fresh = page.Messages.Where(message => message is not MessageEmpty && message.IdOf() > last).OrderBy(message => message.IdOf()).ToList();
                if (fresh.Count == 0)
                {
                    break;
                }

                foreach (var message in fresh)
                {
                    last = EmitNew(message, last);
                }
            }
        }

        var newPts = historyPts > 0 ? historyPts : dialogPts;
        _state.SetChannel(peer.Id, new ChannelUpdateState(Math.Max(newPts, local.Pts), last));
    }

    private static CommonUpdateState ToState(State state) => new(state.Pts, state.Qts, state.Seq, state.Date);

    private void ArmIdle() => _idle.Change(_options.IdleResync, Timeout.InfiniteTimeSpan);

    private sealed record GapTimeout(long Box);

    private sealed record SeqGapTimeout
    {
        public static readonly SeqGapTimeout Instance = new();
    }

    private sealed record Resync(string Why)
    {
        public static readonly Resync Idle = new("idle");
        public static readonly Resync Retry = new("retry");
        public static readonly Resync Requested = new("requested");
    }
}
