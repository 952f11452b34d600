using Signals.Hosting;
using Signals.Silo.Configuration;
using Signals.Telegram.Emulator.Demo;

namespace Signals.Silo.Embedded;

/// <summary>
/// Seeds the emulated world with call channels and accounts, sets the cluster up through grain calls (as a person would
/// with the CLI), then keeps the demo feed posting.
/// </summary>
public sealed class DemoHostedService(
    EmbeddedWorld world,
    IGrainFactory grains,
    SiloSettings settings,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DemoHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        var options = new DemoOptions { Seed = settings.DemoSeed, PostsPerMinute = settings.DemoPostsPerMinute };
        DemoSetup setup;
        try
        {
            setup = DemoWorld.Seed(world.World, options);
            var plan = new BootstrapPlan(
                "reader",
                setup.Reader.Phone,
                "notifier",
                setup.Notifier.Phone,
                setup.CallChannels.Select(c => c.Username!).ToList(),
                "alerts",
                "@" + setup.Destination.Username);
            await EmulatorBootstrap.RunAsync(grains, world.World, plan, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EmbeddedLog.DemoFailed(logger, ex);
            return;
        }

        EmbeddedLog.DemoReady(logger, setup.CallChannels.Count, options.PostsPerMinute);
        await Task.WhenAll(
            new DemoFeed(world.World, setup, options, time).RunAsync(stoppingToken),
            ShowDeliveredAlertsAsync(setup.Destination.Id, stoppingToken));
    }

    /// <summary>Prints what the alert chat received, so the person who started the demo sees alerts arrive.</summary>
    private async Task ShowDeliveredAlertsAsync(long destinationId, CancellationToken stoppingToken)
    {
        var shown = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var messages = world.World.MessagesIn(destinationId);
                for (; shown < messages.Count; shown++)
                {
                    EmbeddedLog.AlertReceived(logger, messages[shown].MessageId, messages[shown].Text);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
