using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Signals.Feed;
using Signals.Catalog;
using Signals.Detection;
using Signals.Diagnostics;
using Signals.Infrastructure;
using Signals.Sessions;
using Signals.Signals;

namespace Signals.Channels;

/// <summary>
/// Reads one channel. The cursor moves past a post only after every signal of that post is on the stream, so a crash
/// at any point replays the post (the event ids are deterministic; token grains drop the repeat).
/// </summary>
public sealed class ChannelReaderGrain(
    [PersistentState("reader", StorageNames.Default)] IPersistentState<ReaderState> state,
    TokenDetector detector,
    IOptions<ReaderOptions> options,
    TimeProvider time,
    ILogger<ChannelReaderGrain> logger) : Grain, IChannelReaderGrain
{
    private readonly ReaderOptions _options = options.Value;
    private string? _lastError;

    private string Channel => this.GetPrimaryKeyString();

    public async Task AssignAsync(string sessionName, int? startAfterMessageId)
    {
        state.State.Session = sessionName;
        if (startAfterMessageId is { } start)
        {
            state.State.Cursor = start;
        }
        else if (state.State.Cursor is null)
        {
            // A new channel starts from now: its old history is not news.
            state.State.Cursor = await Session.GetLatestMessageIdAsync(Channel);
        }

        await state.WriteStateAsync();
        ReaderLog.Assigned(logger, Channel, sessionName, state.State.Cursor);
    }

    public Task<ReaderStatus> GetStatusAsync() => Task.FromResult(new ReaderStatus(
        Channel,
        state.State.Session,
        state.State.Cursor,
        state.State.PostsProcessed,
        state.State.SignalsPublished,
        state.State.LastPostAt,
        _lastError,
        RuntimeIdentity));

    public async Task<PostAck> OnPostAsync(PostSnapshot post)
    {
        var processed = 0;
        var published = 0;
        state.State.Cursor ??= post.MessageId - 1;
        if (post.MessageId > state.State.Cursor + 1)
        {
            // Posts between the cursor and this one were missed (downtime, a dropped update): read them first, in order.
            var (p, s) = await CatchUpCoreAsync();
            processed += p;
            published += s;
        }

        if (post.MessageId > state.State.Cursor)
        {
            published += await ProcessAsync(post, post.Date);
            processed++;
            state.State.Cursor = post.MessageId;
            await state.WriteStateAsync();
        }

        return new PostAck(state.State.Cursor ?? 0, processed, published);
    }

    public async Task<PostAck> OnPostEditedAsync(PostSnapshot post)
    {
        if (state.State.Cursor is null || post.MessageId > state.State.Cursor)
        {
            // Not read yet: it will be read whole (edit included) when the cursor gets there.
            return await OnPostAsync(post);
        }

        // A token added by an edit counts from the edit time; tokens the post already had were counted before.
        var published = await ProcessAsync(post, post.EditDate ?? time.GetUtcNow());
        await state.WriteStateAsync();
        return new PostAck(state.State.Cursor.Value, 1, published);
    }

    public async Task<PostAck> OnPostsDeletedAsync(IReadOnlyList<int> messageIds)
    {
        var published = 0;
        var now = time.GetUtcNow();
        foreach (var id in messageIds)
        {
            if (!state.State.RecentTokens.Remove(id, out var tokens))
            {
                continue;
            }

            foreach (var token in tokens)
            {
                var evt = new SignalEvent(
                    DeterministicIds.SignalEventId(Channel, id, token.TokenKey, 'd'),
                    SignalKind.Retraction,
                    token.TokenKey,
                    token.Chain,
                    token.Address,
                    token.Ticker,
                    Channel,
                    id,
                    now,
                    TraceContext.Current());
                await StreamFor(token.TokenKey).OnNextAsync(evt);
                published++;
            }
        }

        if (published > 0)
        {
            await state.WriteStateAsync();
        }

        return new PostAck(state.State.Cursor ?? 0, 0, published);
    }

    public async Task<PostAck> CatchUpAsync()
    {
        var (processed, published) = await CatchUpCoreAsync();
        return new PostAck(state.State.Cursor ?? 0, processed, published);
    }

    private ITelegramSessionGrain Session => state.State.Session is { } session
        ? GrainFactory.GetGrain<ITelegramSessionGrain>(session)
        : throw new InvalidOperationException($"Channel '{Channel}' has no session assigned.");

    private async Task<(int Processed, int Published)> CatchUpCoreAsync()
    {
        if (state.State.Session is null || state.State.Cursor is null)
        {
            return (0, 0);
        }

        var processed = 0;
        var published = 0;
        try
        {
            while (true)
            {
                var page = await Session.GetHistoryAsync(Channel, state.State.Cursor.Value, _options.HistoryPageSize);
                foreach (var post in page.Where(p => p.MessageId > state.State.Cursor).OrderBy(p => p.MessageId))
                {
                    published += await ProcessAsync(post, post.Date);
                    processed++;
                    state.State.Cursor = post.MessageId;
                }

                if (page.Count > 0)
                {
                    await state.WriteStateAsync();
                }

                if (page.Count < _options.HistoryPageSize)
                {
                    break;
                }
            }

            _lastError = null;
        }
        catch (SessionCallException ex)
        {
            _lastError = ex.Message;
            ReaderLog.HistoryFailed(logger, Channel, ex);
        }

        if (processed > 0)
        {
            ReaderLog.CaughtUp(logger, Channel, processed, state.State.Cursor.Value);
        }

        return (processed, published);
    }

    /// <summary>Detects the post's tokens and publishes the ones not yet published for this message.</summary>
    private async Task<int> ProcessAsync(PostSnapshot post, DateTimeOffset mentionTime)
    {
        using var activity = SignalsTelemetry.Source.StartActivity("reader.post");
        activity?.SetTag("signals.channel.message_id", post.MessageId);
        var tokens = detector.Detect(post.Text, post.Links);
        state.State.RecentTokens.TryGetValue(post.MessageId, out var remembered);
        var published = 0;
        foreach (var token in tokens)
        {
            var key = TokenKeyOf(token);
            if (remembered?.Any(r => r.TokenKey == key) == true)
            {
                continue;
            }

            var chain = ChainNames.ToName(token.Chain);
            var evt = new SignalEvent(
                DeterministicIds.SignalEventId(Channel, post.MessageId, key, 'm'),
                SignalKind.Mention,
                key,
                chain,
                token.Address,
                token.Ticker,
                Channel,
                post.MessageId,
                mentionTime,
                TraceContext.Current());
            await StreamFor(key).OnNextAsync(evt);
            remembered ??= [];
            remembered.Add(new RememberedToken(key, chain, token.Address, token.Ticker));
            published++;
        }

        if (remembered is not null)
        {
            state.State.RecentTokens[post.MessageId] = remembered;
            TrimRemembered();
        }

        state.State.PostsProcessed++;
        state.State.SignalsPublished += published;
        state.State.LastPostAt = post.Date;
        SignalsTelemetry.PostsRead.Add(1);
        SignalsTelemetry.ReaderLag.Record((time.GetUtcNow() - post.Date).TotalMilliseconds);
        if (published > 0)
        {
            SignalsTelemetry.SignalsPublished.Add(published);
            GrainFactory.GetGrain<IActivityFeedGrain>(CatalogKeys.Default)
                .PublishAsync(new ActivityEntry(
                    time.GetUtcNow(),
                    FeedEntryKind.SignalPublished,
                    $"@{Channel}/{post.MessageId}",
                    string.Join(", ", tokens.Select(TokenKeyOf)),
                    RuntimeIdentity))
                .Ignore();
        }

        return published;
    }

    /// <summary>
    /// The stream key and token grain of a detected token. EVM addresses are keyed chain-agnostically: one post links
    /// a call to bscscan, the next to nothing, and both must count toward the same token. The chain seen stays in the event.
    /// </summary>
    private static string TokenKeyOf(DetectedToken token) =>
        token.Chain.IsEvm() ? $"{ChainNames.ToName(Chain.Evm)}:{token.Address}" : token.Key;

    private void TrimRemembered()
    {
        var excess = state.State.RecentTokens.Count - _options.RememberedPosts;
        if (excess <= 0)
        {
            return;
        }

        foreach (var id in state.State.RecentTokens.Keys.Order().Take(excess).ToList())
        {
            state.State.RecentTokens.Remove(id);
        }
    }

    private IAsyncStream<SignalEvent> StreamFor(string tokenKey) =>
        this.GetStreamProvider(SignalStreams.ProviderName)
            .GetStream<SignalEvent>(StreamId.Create(SignalStreams.Namespace, tokenKey));
}
