using System.CommandLine;
using System.CommandLine.Parsing;
using Signals.Catalog;
using Signals.Client.Infrastructure;
using Signals.Client.Output;

namespace Signals.Client.Commands;

/// <summary><c>signals rules list|set</c>: confluence rules, attached to destinations, editable while the cluster runs.</summary>
public static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rules", "Alert rules of destinations: list, set.");
        command.Add(List(context));
        command.Add(Set(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var destination = new Argument<string?>("destination") { Description = "Only this destination's rules.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List the rules of every destination (or one).") { destination };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var only = parse.GetValue(destination);
            var destinations = (await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListDestinationsAsync())
                .Where(d => only is null || d.Name == only)
                .Select(DestinationView.From)
                .ToList();
            if (only is not null && destinations.Count == 0)
            {
                throw new CliException(ExitCodes.Failed, $"No destination '{only}' (see 'signals destinations list').");
            }

            if (output.IsJson)
            {
                output.Json(destinations.ToDictionary(d => d.Name, d => d.Rules));
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Destination", "Rule", "Tiers", "Cooldown", "Weights", "Allow", "Deny");
            foreach (var d in destinations)
            {
                foreach (var r in d.Rules)
                {
                    OutputFormatter.AddRow(
                        table, d.Name, r.Name, string.Join(',', r.Tiers.Select(t => $"{t.MinChannels}/{t.Window}")), r.Cooldown,
                        r.ChannelWeights is null ? null : string.Join(", ", r.ChannelWeights.Select(w => $"{w.Key}={w.Value}")),
                        r.AllowChannels is null ? null : string.Join(", ", r.AllowChannels),
                        r.DenyChannels is null ? null : string.Join(", ", r.DenyChannels));
                }
            }

            output.Render(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set(CliContext context)
    {
        var destination = DestinationsCommand.NameArgument();
        var name = new Option<string>("--name")
        {
            Description = "Rule name; a rule with this name on the destination is replaced.",
            DefaultValueFactory = _ => AlertRuleConfig.Default.Name,
        };
        var tiers = new Option<IReadOnlyList<RuleTierConfig>>("--tiers")
        {
            Description = "Tiers as CHANNELS/WINDOW, ascending, e.g. 3/10m,5/12h (each higher tier is an escalation).",
            Required = true,
            HelpName = "tiers",
            CustomParser = ParseTiers,
        };
        var cooldown = new Option<TimeSpan?>("--cooldown")
        {
            Description = "Quiet time after an alert before the same tier fires again, e.g. 30m (default 30m).",
            HelpName = "duration",
            CustomParser = GlobalOptions.ParseDuration,
        };
        var weights = new Option<IReadOnlyDictionary<string, double>?>("--weight")
        {
            Description = "Channel weight as channel=weight (repeatable or comma-separated); unlisted channels weigh 1.",
            HelpName = "channel=weight",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = ParseWeights,
        };
        var allow = ChannelListOption("--allow", "Only these channels count (repeatable or comma-separated).");
        var deny = ChannelListOption("--deny", "These channels never count (repeatable or comma-separated).");
        var command = new Command("set", "Add or replace a rule on a destination.") { destination, name, tiers, cooldown, weights, allow, deny };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var rule = new AlertRuleConfig(
                parse.GetRequiredValue(name).Trim(),
                parse.GetRequiredValue(tiers),
                parse.GetValue(cooldown) ?? AlertRuleConfig.Default.Cooldown,
                parse.GetValue(weights),
                Channels(parse.GetValue(allow)),
                Channels(parse.GetValue(deny)));
            var destinationName = parse.GetRequiredValue(destination);
            await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).SetRuleAsync(destinationName, rule);
            var view = RuleView.From(rule);
            if (output.IsJson)
            {
                output.Json(view);
            }
            else
            {
                output.Note($"Rule '{view.Name}' on '{destinationName}': {DestinationsCommand.RulesSummary([view])}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string[]?> ChannelListOption(string alias, string description) => new(alias)
    {
        Description = description,
        HelpName = "channel",
        Arity = ArgumentArity.OneOrMore,
    };

    private static IReadOnlyList<string>? Channels(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        return values
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(ChannelName.Normalize)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<RuleTierConfig> ParseTiers(ArgumentResult result)
    {
        var text = string.Join(',', result.Tokens.Select(t => t.Value));
        if (RuleText.TryParseTiers(text, out var tiers, out var error))
        {
            return tiers;
        }

        result.AddError(error);
        return [];
    }

    private static IReadOnlyDictionary<string, double>? ParseWeights(ArgumentResult result)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!RuleText.TryParseWeight(part, out var channel, out var weight))
            {
                result.AddError($"'{part}' is not a channel weight; expected channel=weight such as alpha_calls=1.5.");
                return null;
            }

            weights[channel] = weight;
        }

        return weights;
    }
}
