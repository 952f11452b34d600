using System.CommandLine;
using Signals.Alerts;
using Signals.Catalog;
using Signals.Client.Infrastructure;
using Signals.Client.Output;

namespace Signals.Client.Commands;

/// <summary><c>signals alerts list [--pending] [--destination d]</c>: the outboxes of the delivery grains.</summary>
public static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("alerts", "Alerts raised for destinations, delivered or waiting.");
        command.Add(List(context));
        command.Add(Kick(context));
        return command;
    }

    private static Command Kick(CliContext context)
    {
        var destination = DestinationsCommand.NameArgument();
        var command = new Command("kick", "Try a destination's pending alerts now instead of at their next scheduled attempt.") { destination };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var name = parse.GetRequiredValue(destination);
            var known = (await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListDestinationsAsync()).Any(d => d.Name == name);
            if (!known)
            {
                throw new CliException(ExitCodes.Failed, $"No destination '{name}' (see 'signals destinations list').");
            }

            var delivery = client.GetGrain<IAlertDeliveryGrain>(name);
            await delivery.KickAsync();
            var status = await delivery.GetStatusAsync();
            if (output.IsJson)
            {
                output.Json(new OutboxSummaryView(name, status.Pending.Count, status.DeliveredTotal, status.PausedUntil));
            }
            else
            {
                output.Note($"{name}: {status.Pending.Count} pending, {status.DeliveredTotal} delivered in total"
                    + (status.PausedUntil is { } until ? $", paused until {OutputFormatter.Time(until)} (flood wait)." : "."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var pending = new Option<bool>("--pending") { Description = "Only alerts still waiting in an outbox." };
        var destination = new Option<string?>("--destination", "-d") { Description = "Only this destination.", HelpName = "name" };
        var command = new Command("list", "List alerts per destination, newest first.") { pending, destination };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var names = (await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListDestinationsAsync()).Select(d => d.Name).ToList();
            if (parse.GetValue(destination) is { } only)
            {
                if (!names.Contains(only, StringComparer.Ordinal))
                {
                    throw new CliException(ExitCodes.Failed, $"No destination '{only}' (see 'signals destinations list').");
                }

                names = [only];
            }

            var statuses = await Task.WhenAll(names.Select(n => client.GetGrain<IAlertDeliveryGrain>(n).GetStatusAsync()));
            var onlyPending = parse.GetValue(pending);
            var alerts = statuses
                .SelectMany(s => s.Pending.Select(e => AlertView.From(s.Destination, AlertView.Pending, e))
                    .Concat(onlyPending ? [] : s.Delivered.Select(e => AlertView.From(s.Destination, AlertView.Delivered, e))))
                .OrderByDescending(a => a.RaisedAt)
                .ThenBy(a => a.AlertId, StringComparer.Ordinal)
                .ToList();
            if (output.IsJson)
            {
                output.Json(alerts);
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Raised", "Destination", "Token", "Rule", "Tier", "Status", "Attempts", "Next attempt / delivered", "Last error");
            foreach (var a in alerts)
            {
                OutputFormatter.AddRow(
                    table, OutputFormatter.Time(a.RaisedAt), a.Destination, a.TokenKey, a.Rule, a.Tier.ToString(), a.Status, a.Attempts.ToString(),
                    OutputFormatter.Time(a.Status == AlertView.Pending ? a.NextAttemptAt : a.DeliveredAt), a.LastError);
            }

            output.Render(table);
            foreach (var paused in statuses.Where(s => s.PausedUntil is not null))
            {
                output.Note($"{paused.Destination}: deliveries paused until {OutputFormatter.Time(paused.PausedUntil)} (flood wait).");
            }

            output.Note($"{alerts.Count(a => a.Status == AlertView.Pending)} pending, {statuses.Sum(s => s.DeliveredTotal)} delivered in total.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
