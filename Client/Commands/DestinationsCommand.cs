using System.CommandLine;
using Signals.Catalog;
using Signals.Client.Infrastructure;
using Signals.Client.Output;

namespace Signals.Client.Commands;

/// <summary><c>signals destinations list|add</c>: where alerts go, and who sends them.</summary>
public static class DestinationsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("destinations", "Where alerts are delivered: list, add.");
        command.Add(List(context));
        command.Add(Add(context));
        return command;
    }

    internal static Argument<string> NameArgument() => new("destination")
    {
        Description = "Destination name, e.g. main.",
        Validators =
        {
            r =>
            {
                var v = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
                if (v.Length is 0 or > 64 || v.Any(char.IsWhiteSpace))
                {
                    r.AddError($"'{v}' is not a destination name (1-64 characters, no spaces).");
                }
            },
        },
    };

    internal static string RulesSummary(IEnumerable<RuleView> rules) =>
        string.Join("; ", rules.Select(r => $"{r.Name}: {string.Join(',', r.Tiers.Select(t => $"{t.MinChannels}/{t.Window}"))} cooldown {r.Cooldown}"));

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List destinations with their sender and rules.");
        context.SetClusterAction(command, async (_, client, output, _) =>
        {
            var views = (await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListDestinationsAsync()).Select(DestinationView.From).ToList();
            if (output.IsJson)
            {
                output.Json(views);
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Destination", "Via", "Session", "Peer", "Rules");
            foreach (var d in views)
            {
                OutputFormatter.AddRow(table, d.Name, d.Via.ToString().ToLowerInvariant(), d.Session, d.Peer, RulesSummary(d.Rules));
            }

            output.Render(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Add(CliContext context)
    {
        var name = NameArgument();
        var peer = new Option<string>("--peer")
        {
            Description = "The chat alerts go to: @username or a numeric peer id.",
            Required = true,
            HelpName = "chat",
        };
        var session = new Option<string>("--session", "-s")
        {
            Description = "The notifier session (or bot) that sends the alerts.",
            Required = true,
            HelpName = "name",
        };
        var via = new Option<DeliveryChannelKind>("--via")
        {
            Description = "How alerts are sent: session (a user session) or bot.",
            DefaultValueFactory = _ => DeliveryChannelKind.Session,
        };
        var noDefaultRule = new Option<bool>("--no-default-rule")
        {
            Description = "Start without rules (add them with 'signals rules set'); otherwise the default rule 3/10m, cooldown 30m applies.",
        };
        var command = new Command("add", "Add (or replace) a destination.") { name, peer, session, via, noDefaultRule };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            IReadOnlyList<AlertRuleConfig> rules = parse.GetValue(noDefaultRule) ? [] : [AlertRuleConfig.Default];
            var entry = new DestinationEntry(
                parse.GetRequiredValue(name), parse.GetValue(via), parse.GetRequiredValue(session), parse.GetRequiredValue(peer), rules);
            await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).AddDestinationAsync(entry);
            var view = DestinationView.From(entry);
            if (output.IsJson)
            {
                output.Json(view);
            }
            else
            {
                output.Note($"Destination '{view.Name}' sends to {view.Peer} via {view.Via.ToString().ToLowerInvariant()} '{view.Session}'. Rules: {(view.Rules.Count == 0 ? "none" : RulesSummary(view.Rules))}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
