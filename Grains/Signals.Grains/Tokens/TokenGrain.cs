using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Signals.Feed;
using Signals.Alerts;
using Signals.Catalog;
using Signals.Detection;
using Signals.Diagnostics;
using Signals.Infrastructure;
using Signals.Signals;

namespace Signals.Tokens;

/// <summary>
/// One token. Applies each stream event once (by id), then asks every destination's rules whether to alert.
/// An alert is first persisted here as a pending hand-off, then put into the destination's outbox; a crash between
/// the two re-sends the same alert id, which the outbox recognises.
/// </summary>
[ImplicitStreamSubscription(SignalStreams.Namespace)]
public sealed class TokenGrain(
    [PersistentState("token", StorageNames.Default)] IPersistentState<TokenState> state,
    IOptions<TokenOptions> options,
    TimeProvider time,
    ILogger<TokenGrain> logger) : Grain, ITokenGrain
{
    private readonly TokenOptions _options = options.Value;
    private HashSet<string>? _seen;
    private IReadOnlyList<DestinationEntry> _destinations = [];
    private DateTimeOffset _destinationsFetchedAt = DateTimeOffset.MinValue;
    private IGrainTimer? _handoffRetry;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _seen = [.. state.State.SeenEventIds];
        var stream = this.GetStreamProvider(SignalStreams.ProviderName)
            .GetStream<SignalEvent>(StreamId.Create(SignalStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((evt, _) => OnSignalAsync(evt));
        if (state.State.PendingHandoffs.Count > 0)
        {
            ScheduleHandoffRetry();
        }
    }

    public async Task<TokenDetails> GetDetailsAsync()
    {
        var destinations = await GetDestinationsAsync();
        var now = time.GetUtcNow();
        var mentions = DomainMentions();
        var rules = new List<RuleStateView>();
        foreach (var destination in destinations)
        {
            foreach (var rule in destination.Rules)
            {
                var history = History(destination.Name, rule.Name);
                var decision = ConfluenceEvaluator.Evaluate(rule.ToDomain(), mentions, history, now);
                rules.Add(new RuleStateView(
                    destination.Name,
                    rule.Name,
                    decision.Score,
                    history.Count,
                    history.Count > 0 ? history.Max(h => h.At) : null,
                    decision.Reason));
            }
        }

        return new TokenDetails(
            this.GetPrimaryKeyString(),
            state.State.Ticker,
            state.State.Mentions.Select(m => new TokenMentionView(m.Channel, m.MessageId, m.At, m.DeletedAt)).ToList(),
            rules,
            state.State.Fired.Select(f => new TokenAlertView(f.AlertId, f.Destination, f.Rule, f.Tier, f.At)).ToList(),
            state.State.EventsSeen,
            state.State.DuplicatesIgnored);
    }

    private async Task OnSignalAsync(SignalEvent evt)
    {
        using var activity = TraceContext.StartFrom("token.signal", evt.TraceParent, System.Diagnostics.ActivityKind.Consumer);
        _seen ??= [.. state.State.SeenEventIds];
        if (!_seen.Add(evt.EventId))
        {
            state.State.DuplicatesIgnored++;
            SignalsTelemetry.DuplicateEvents.Add(1);
            return;
        }

        state.State.SeenEventIds.Add(evt.EventId);
        state.State.EventsSeen++;
        Apply(evt);
        Prune();
        var raised = await EvaluateRulesAsync(evt);
        await state.WriteStateAsync();
        if (raised > 0)
        {
            await HandOffPendingAsync();
        }
    }

    private void Apply(SignalEvent evt)
    {
        // An EVM token keyed "evm:" learns its chain from the first post that names one.
        if (state.State.Chain is null || (state.State.Chain == "evm" && evt.Chain != "evm"))
        {
            state.State.Chain = evt.Chain;
        }

        state.State.Address ??= evt.Address;
        state.State.Ticker ??= evt.Ticker;
        var index = state.State.Mentions.FindIndex(m => m.Channel == evt.Channel && m.MessageId == evt.MessageId);
        if (evt.Kind == SignalKind.Mention)
        {
            if (index < 0)
            {
                state.State.Mentions.Add(new MentionRecord(evt.Channel, evt.MessageId, evt.At, null));
            }
        }
        else if (index >= 0)
        {
            state.State.Mentions[index] = state.State.Mentions[index] with { DeletedAt = evt.At };
        }
    }

    private void Prune()
    {
        var horizon = time.GetUtcNow() - _options.MentionRetention;
        state.State.Mentions.RemoveAll(m => m.At < horizon);
        var excess = state.State.SeenEventIds.Count - _options.RememberedEventIds;
        if (excess > 0)
        {
            foreach (var id in state.State.SeenEventIds.Take(excess))
            {
                _seen?.Remove(id);
            }

            state.State.SeenEventIds.RemoveRange(0, excess);
        }
    }

    private async Task<int> EvaluateRulesAsync(SignalEvent evt)
    {
        if (evt.Kind != SignalKind.Mention)
        {
            return 0;
        }

        var destinations = await GetDestinationsAsync();
        var now = time.GetUtcNow();
        var mentions = DomainMentions();
        var raised = 0;
        foreach (var destination in destinations)
        {
            foreach (var ruleConfig in destination.Rules)
            {
                var rule = ruleConfig.ToDomain();
                var history = History(destination.Name, rule.Name);
                var decision = ConfluenceEvaluator.Evaluate(rule, mentions, history, now);
                if (!decision.Fire)
                {
                    continue;
                }

                var alert = BuildAlert(destination.Name, rule, decision, history.Count, evt, now);
                state.State.Fired.Add(new FiredRecord(destination.Name, rule.Name, decision.Tier, now, alert.AlertId));
                state.State.PendingHandoffs.Add(alert);
                raised++;
                SignalsTelemetry.AlertsRaised.Add(1);
                TokenLog.AlertRaised(logger, alert.AlertId, rule.Name, decision.Tier, destination.Name);
                GrainFactory.GetGrain<IActivityFeedGrain>(CatalogKeys.Default)
                    .PublishAsync(new ActivityEntry(now, FeedEntryKind.AlertRaised, this.GetPrimaryKeyString(), $"{destination.Name}: {rule.Name} tier {decision.Tier} ({decision.Channels.Count} channels)", RuntimeIdentity))
                    .Ignore();
            }
        }

        return raised;
    }

    private Alert BuildAlert(string destination, AlertRule rule, ConfluenceDecision decision, int sequence, SignalEvent evt, DateTimeOffset now)
    {
        var tokenKey = this.GetPrimaryKeyString();
        _ = ChainNames.TryParse(state.State.Chain ?? evt.Chain, out var chain);
        var token = new DetectedToken(chain, state.State.Address ?? evt.Address, state.State.Ticker);
        var html = AlertFormatter.FormatHtml(token, rule, decision, now);
        var firstCall = decision.Channels.Count > 0 ? decision.Channels.Min(c => c.FirstCallAt) : evt.At;
        return new Alert(
            DeterministicIds.AlertId(tokenKey, destination, rule.Name, decision.Tier, sequence),
            destination,
            tokenKey,
            rule.Name,
            decision.Tier,
            html,
            decision.Channels.Select(c => c.Channel).ToList(),
            firstCall,
            now,
            TraceContext.Current(),
            evt.At);
    }

    private async Task HandOffPendingAsync()
    {
        var handedOff = 0;
        foreach (var alert in state.State.PendingHandoffs.ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IAlertDeliveryGrain>(alert.Destination).EnqueueAsync(alert);
                state.State.PendingHandoffs.Remove(alert);
                handedOff++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TokenLog.HandoffFailed(logger, alert.AlertId, alert.Destination, ex);
            }
        }

        if (handedOff > 0)
        {
            await state.WriteStateAsync();
        }

        if (state.State.PendingHandoffs.Count > 0)
        {
            ScheduleHandoffRetry();
        }
        else
        {
            _handoffRetry?.Dispose();
            _handoffRetry = null;
        }
    }

    private void ScheduleHandoffRetry()
    {
        _handoffRetry ??= this.RegisterGrainTimer(
            _ => HandOffPendingAsync(),
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { KeepAlive = true, Interleave = false });
    }

    private async Task<IReadOnlyList<DestinationEntry>> GetDestinationsAsync()
    {
        var now = time.GetUtcNow();
        if (now - _destinationsFetchedAt > _options.RulesCacheTime)
        {
            _destinations = await GrainFactory.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListDestinationsAsync();
            _destinationsFetchedAt = now;
        }

        return _destinations;
    }

    private List<Mention> DomainMentions() =>
        state.State.Mentions.Select(m => new Mention(m.Channel, m.MessageId, m.At, m.DeletedAt)).ToList();

    private List<FiredAlert> History(string destination, string rule) =>
        state.State.Fired
            .Where(f => f.Destination == destination && f.Rule == rule)
            .Select(f => new FiredAlert(f.Rule, f.Tier, f.At))
            .ToList();
}
