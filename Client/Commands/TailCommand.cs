using System.CommandLine;
using Signals.Feed;
using Signals.Catalog;
using Signals.Client.Infrastructure;

namespace Signals.Client.Commands;

/// <summary>
/// <c>signals tail</c>: the cluster's activity as it happens, through a grain observer (no stream provider needed).
/// Runs until Ctrl+C, or until <c>--count</c> entries or <c>--timeout</c> for scripts.
/// </summary>
public static class TailCommand
{
    public static Command Create(CliContext context)
    {
        var recent = new Option<int>("--recent")
        {
            Description = "Print this many recent entries first (default 10; 0 for only new ones).",
            DefaultValueFactory = _ => 10,
            Validators = { r => { if (r.GetValueOrDefault<int>() is < 0 or > 1000) { r.AddError("--recent must be between 0 and 1000."); } } },
        };
        var count = new Option<int?>("--count", "-n")
        {
            Description = "Stop after printing this many entries.",
            Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1) { r.AddError("--count must be 1 or more."); } } },
        };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "Stop after this long, e.g. 30s.",
            HelpName = "duration",
            CustomParser = GlobalOptions.ParseDuration,
        };
        var command = new Command("tail", "Follow the cluster's activity feed (posts read, signals, alerts, sessions).") { recent, count, timeout };
        context.SetClusterAction(command, async (parse, client, output, ct) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (parse.GetValue(timeout) is { } limit)
            {
                stop.CancelAfter(limit);
            }

            var printer = new Printer(output, parse.GetValue(count));
            var feed = client.GetGrain<IActivityFeedGrain>(CatalogKeys.Default);
            var observer = new ActivityObserver();
            var reference = client.CreateObjectReference<IActivityObserver>(observer);
            try
            {
                await feed.SubscribeAsync(reference);
                var shown = new HashSet<ActivityEntry>();
                if (parse.GetValue(recent) is > 0 and var max)
                {
                    foreach (var entry in (await feed.GetRecentAsync(max)).OrderBy(e => e.At))
                    {
                        shown.Add(entry);
                        if (!printer.Print(entry))
                        {
                            return ExitCodes.Ok;
                        }
                    }
                }

                await FollowAsync(feed, reference, observer, printer, shown, stop.Token);
                return ExitCodes.Ok;
            }
            finally
            {
                await UnsubscribeQuietlyAsync(feed, reference);
                client.DeleteObjectReference<IActivityObserver>(reference);
            }
        });
        return command;
    }

    private static async Task FollowAsync(
        IActivityFeedGrain feed, IActivityObserver reference, ActivityObserver observer, Printer printer, HashSet<ActivityEntry> alreadyShown, CancellationToken stop)
    {
        // Subscriptions expire unless renewed; renewing at a third of the lifetime survives two missed renewals.
        var renewEvery = ActivityFeed.ObserverLifetime / 3;
        var nextRenewal = DateTimeOffset.UtcNow + renewEvery;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(Max(nextRenewal - DateTimeOffset.UtcNow, TimeSpan.Zero));
                try
                {
                    var entry = await observer.Entries.ReadAsync(wait.Token);
                    // The recent entries were read after subscribing, so the first live ones may repeat them.
                    if (!alreadyShown.Remove(entry) && !printer.Print(entry))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    await feed.SubscribeAsync(reference);
                    nextRenewal = DateTimeOffset.UtcNow + renewEvery;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or --timeout: a normal end for tail.
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task UnsubscribeQuietlyAsync(IActivityFeedGrain feed, IActivityObserver reference)
    {
        try
        {
            await feed.UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception)
        {
            // The subscription expires on its own within ActivityFeed.ObserverLifetime.
        }
    }

    /// <summary>Prints entries and says when the requested count has been reached.</summary>
    private sealed class Printer(OutputFormatter output, int? limit)
    {
        private int _printed;

        public bool Print(ActivityEntry entry)
        {
            if (output.IsJson)
            {
                output.JsonLine(entry);
            }
            else
            {
                output.IO.Out.WriteLine($"{OutputFormatter.Time(entry.At)}  {entry.Kind,-15}  {entry.Subject}  {entry.Detail}{(entry.Silo is null ? string.Empty : $"  [{entry.Silo}]")}");
                output.IO.Out.Flush();
            }

            _printed++;
            return limit is null || _printed < limit;
        }
    }
}
