using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signals.Feed;
using Signals.Catalog;
using Signals.Diagnostics;
using Signals.Infrastructure;
using Signals.Sessions;

namespace Signals.Alerts;

/// <summary>
/// One destination's outbox. Sends one alert at a time, in order, through the destination's notifier session with a
/// random_id derived from the alert id: a resend after a crash or an unknown outcome is recognised by Telegram, so each
/// alert appears once. A failed send never removes an alert; it waits for its next attempt.
/// </summary>
public sealed class AlertDeliveryGrain(
    [PersistentState("delivery", StorageNames.Default)] IPersistentState<DeliveryState> state,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<AlertDeliveryGrain> logger) : Grain, IAlertDeliveryGrain, IRemindable
{
    private const string OutboxReminder = "outbox";
    private const int MaxSendsPerPoll = 50;
    private static readonly TimeSpan MaxTickDuration = TimeSpan.FromSeconds(1);

    private readonly DeliveryOptions _options = options.Value;
    private HashSet<string>? _deliveredIds;
    private DateTimeOffset _lastSendAt = DateTimeOffset.MinValue;
    private bool _reminderRegistered;

    private string Destination => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _deliveredIds = [.. state.State.Delivered.Select(d => d.AlertId)];
        this.RegisterGrainTimer(
            DeliverDueAsync,
            new GrainTimerCreationOptions(_options.PollInterval, _options.PollInterval) { KeepAlive = true, Interleave = false });
        _reminderRegistered = await this.GetReminder(OutboxReminder, cancellationToken) is not null;
        await UpdateReminderAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public async Task EnqueueAsync(Alert alert)
    {
        _deliveredIds ??= [.. state.State.Delivered.Select(d => d.AlertId)];
        if (_deliveredIds.Contains(alert.AlertId) || state.State.Outbox.Any(o => o.Alert.AlertId == alert.AlertId))
        {
            return;
        }

        state.State.Outbox.Add(new OutboxItem(alert, 0, null, null));
        await state.WriteStateAsync();
        await UpdateReminderAsync();
    }

    public Task<DeliveryStatus> GetStatusAsync() => Task.FromResult(new DeliveryStatus(
        Destination,
        state.State.Outbox.Select(o => new OutboxEntryView(
            o.Alert.AlertId, o.Alert.TokenKey, o.Alert.Rule, o.Alert.Tier, o.Alert.RaisedAt, o.Attempts, o.NextAttemptAt, o.LastError, null, null)).ToList(),
        state.State.Delivered.TakeLast(200).Select(d => new OutboxEntryView(
            d.AlertId, d.TokenKey, d.Rule, d.Tier, d.RaisedAt, d.Attempts, null, null, d.DeliveredAt, d.TelegramMessageId)).ToList(),
        state.State.DeliveredTotal,
        state.State.PausedUntil));

    public async Task KickAsync()
    {
        state.State.PausedUntil = null;
        for (var i = 0; i < state.State.Outbox.Count; i++)
        {
            state.State.Outbox[i] = state.State.Outbox[i] with { NextAttemptAt = null };
        }

        await DeliverDueAsync(CancellationToken.None);
    }

    /// <summary>Sends due alerts in order, as many as the per-chat interval allows within one poll.</summary>
    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var sent = 0; sent < MaxSendsPerPoll && !cancellationToken.IsCancellationRequested; sent++)
        {
            // The tick holds the grain: when the session is slow (one notifier serving many destinations), stop early
            // so enqueues and status calls waiting behind it get their turn; the next tick carries on.
            if (time.GetElapsedTime(started) > MaxTickDuration)
            {
                return;
            }

            var before = state.State.DeliveredTotal;
            await DeliverNextAsync();
            if (state.State.DeliveredTotal == before || _options.MinIntervalPerChat >= _options.PollInterval)
            {
                return;
            }
        }
    }

    private async Task DeliverNextAsync()
    {
        var now = time.GetUtcNow();
        if (state.State.Outbox.Count == 0 || state.State.PausedUntil > now || now - _lastSendAt < _options.MinIntervalPerChat)
        {
            return;
        }

        // Strict order: the oldest alert goes first, and a later one never overtakes it.
        var item = state.State.Outbox[0];
        if (item.NextAttemptAt > now)
        {
            return;
        }

        var destination = await FindDestinationAsync();
        if (destination is null)
        {
            DeliveryLog.UnknownDestination(logger, Destination, state.State.Outbox.Count);
            await DeferAsync(item, "UNKNOWN_DESTINATION", null, now);
            return;
        }

        using var activity = TraceContext.StartFrom("delivery.send", item.Alert.TraceParent, System.Diagnostics.ActivityKind.Producer);
        SendResult result;
        try
        {
            var session = GrainFactory.GetGrain<ITelegramSessionGrain>(destination.Session);
            result = await session.SendAsync(new SendRequest(
                destination.Peer,
                item.Alert.Html,
                DeterministicIds.RandomIdForAlert(item.Alert.AlertId),
                TraceContext.Current() ?? item.Alert.TraceParent));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The session's silo may be gone mid-call: the outcome is unknown, and the same random_id makes a retry safe.
            result = new SendResult(SendOutcome.Transient, null, null, ex.GetType().Name);
        }

        _lastSendAt = time.GetUtcNow();
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
            case SendOutcome.AlreadySent:
                await MarkDeliveredAsync(item, result.MessageId);
                break;
            case SendOutcome.FloodWait:
                state.State.PausedUntil = _lastSendAt + (result.RetryAfter ?? TimeSpan.FromSeconds(5));
                await DeferAsync(item, result.Error ?? "FLOOD_WAIT", state.State.PausedUntil, _lastSendAt);
                break;
            default:
                await DeferAsync(item, $"{result.Outcome}: {result.Error}", null, _lastSendAt);
                break;
        }

    }

    private async Task MarkDeliveredAsync(OutboxItem item, int? messageId)
    {
        var now = time.GetUtcNow();
        state.State.Outbox.Remove(item);
        state.State.Delivered.Add(new DeliveredItem(
            item.Alert.AlertId, item.Alert.TokenKey, item.Alert.Rule, item.Alert.Tier, item.Alert.RaisedAt, now, messageId, item.Attempts + 1));
        state.State.DeliveredTotal++;
        _deliveredIds?.Add(item.Alert.AlertId);
        var excess = state.State.Delivered.Count - _options.RememberedDeliveries;
        if (excess > 0)
        {
            foreach (var old in state.State.Delivered.Take(excess))
            {
                _deliveredIds?.Remove(old.AlertId);
            }

            state.State.Delivered.RemoveRange(0, excess);
        }

        await state.WriteStateAsync();
        await UpdateReminderAsync();
        SignalsTelemetry.AlertsDelivered.Add(1);
        SignalsTelemetry.DeliveryLatency.Record((now - item.Alert.FirstCallAt).TotalMilliseconds);
        SignalsTelemetry.PostToAlertLatency.Record((now - item.Alert.TriggeringPostAt).TotalMilliseconds);
        DeliveryLog.Delivered(logger, item.Alert.AlertId, Destination, messageId, item.Attempts + 1);
        GrainFactory.GetGrain<IActivityFeedGrain>(CatalogKeys.Default)
            .PublishAsync(new ActivityEntry(now, FeedEntryKind.AlertDelivered, item.Alert.TokenKey, $"{Destination} message {messageId}", RuntimeIdentity))
            .Ignore();
    }

    private async Task DeferAsync(OutboxItem item, string error, DateTimeOffset? until, DateTimeOffset now)
    {
        var attempts = item.Attempts + 1;
        var backoff = TimeSpan.FromTicks(Math.Min(
            _options.MaxRetryDelay.Ticks,
            _options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 16))));
        var next = until ?? now + backoff;
        var index = state.State.Outbox.IndexOf(item);
        if (index >= 0)
        {
            state.State.Outbox[index] = item with { Attempts = attempts, NextAttemptAt = next, LastError = error };
        }

        await state.WriteStateAsync();
        SignalsTelemetry.AlertsDeferred.Add(1);
        DeliveryLog.Deferred(logger, item.Alert.AlertId, Destination, error.Split(':')[0], error, next);
        GrainFactory.GetGrain<IActivityFeedGrain>(CatalogKeys.Default)
            .PublishAsync(new ActivityEntry(now, FeedEntryKind.AlertDeferred, item.Alert.TokenKey, $"{Destination}: {error}", RuntimeIdentity))
            .Ignore();
    }

    private async Task<DestinationEntry?> FindDestinationAsync()
    {
        var destinations = await GrainFactory.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListDestinationsAsync();
        return destinations.FirstOrDefault(d => d.Name == Destination);
    }

    /// <summary>A reminder exists exactly while the outbox has work, so a silo crash cannot strand alerts in storage.</summary>
    private async Task UpdateReminderAsync()
    {
        var needed = state.State.Outbox.Count > 0;
        if (needed && !_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(OutboxReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderRegistered = true;
        }
        else if (!needed && _reminderRegistered)
        {
            var reminder = await this.GetReminder(OutboxReminder);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderRegistered = false;
        }
    }
}
