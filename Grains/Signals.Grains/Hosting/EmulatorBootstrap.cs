using Signals.Catalog;
using Signals.Sessions;
using Signals.Telegram.Emulator.World;

namespace Signals.Hosting;

/// <summary>
/// Sets up a cluster against an emulated world through the same grain calls a person makes with the CLI:
/// register sessions, log them in (reading the code the world sent, as a person reads their phone), add channels,
/// add the destination. Idempotent: a second run finds everything in place.
/// </summary>
public static class EmulatorBootstrap
{
    public static async Task RunAsync(IGrainFactory grains, TelegramWorld world, BootstrapPlan plan, CancellationToken cancellationToken)
    {
        var catalog = grains.GetGrain<ICatalogGrain>(CatalogKeys.Default);
        await catalog.AddSessionAsync(new SessionEntry(plan.ReaderSession, SessionRole.Reader));
        await catalog.AddSessionAsync(new SessionEntry(plan.NotifierSession, SessionRole.Notifier));
        await LogInAsync(grains, world, plan.ReaderSession, plan.ReaderPhone, cancellationToken);
        await LogInAsync(grains, world, plan.NotifierSession, plan.NotifierPhone, cancellationToken);

        var existing = (await catalog.ListChannelsAsync()).Select(c => c.Channel).ToHashSet();
        foreach (var channel in plan.Channels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!existing.Contains(channel.TrimStart('@').ToLowerInvariant()))
            {
                await catalog.AddChannelAsync(channel, plan.ReaderSession, null);
            }
        }

        var destinations = await catalog.ListDestinationsAsync();
        if (destinations.All(d => d.Name != plan.DestinationName))
        {
            await catalog.AddDestinationAsync(new DestinationEntry(
                plan.DestinationName, DeliveryChannelKind.Session, plan.NotifierSession, plan.DestinationPeer, []));
        }
    }

    public static async Task LogInAsync(IGrainFactory grains, TelegramWorld world, string session, string phone, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ITelegramSessionGrain>(session);
        var status = await grain.EnsureRunningAsync();
        if (status.LoggedIn)
        {
            return;
        }

        var started = await grain.StartLoginAsync(phone);
        if (!started.Succeeded)
        {
            throw new InvalidOperationException($"Login of session '{session}' failed to start: {started.Message}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var code = world.PeekLoginCode(phone)
            ?? throw new InvalidOperationException($"The emulated world issued no login code for session '{session}'.");
        var result = await grain.SubmitCodeAsync(code);
        if (result.Step != LoginStep.LoggedIn)
        {
            throw new InvalidOperationException($"Login of session '{session}' did not complete: {result.Message}");
        }
    }
}
