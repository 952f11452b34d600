using System.CommandLine;
using Signals.Client.Infrastructure;
using Signals.Client.Output;
using Signals.Tokens;

namespace Signals.Client.Commands;

/// <summary><c>signals tokens show &lt;chain:address&gt;</c>: mentions by channel, rule states, alerts raised.</summary>
public static class TokensCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("tokens", "Tokens the cluster has seen called.");
        command.Add(Show(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var token = new Argument<string>("token")
        {
            Description = "chain:address, e.g. solana:<mint> or base:0x… (a bare address works when its chain is unambiguous).",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
                if (TokenKeyText.TryNormalize(text, out var key, out var error))
                {
                    return key;
                }

                r.AddError(error);
                return string.Empty;
            },
        };
        var command = new Command("show", "Show one token: mentions per channel, rule states, alerts.") { token };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var view = TokenView.From(await client.GetGrain<ITokenGrain>(parse.GetRequiredValue(token)).GetDetailsAsync());
            if (output.IsJson)
            {
                output.Json(view);
                return ExitCodes.Ok;
            }

            output.Note(view.Ticker is null ? view.TokenKey : $"{view.TokenKey} (${view.Ticker})");
            output.Note($"{view.EventsSeen} event(s) seen, {view.DuplicatesIgnored} duplicate(s) ignored.");
            if (view.Mentions.Count == 0)
            {
                output.Note("No channel has called this token.");
            }
            else
            {
                var channels = OutputFormatter.Table("Channel", "Mentions", "Deleted", "First call", "Last call");
                foreach (var c in view.Channels)
                {
                    OutputFormatter.AddRow(channels, c.Channel, c.Mentions.ToString(), c.Deleted.ToString(), OutputFormatter.Time(c.FirstAt), OutputFormatter.Time(c.LastAt));
                }

                output.Render(channels);
            }

            if (view.Rules.Count > 0)
            {
                var rules = OutputFormatter.Table("Destination", "Rule", "Score", "Tiers fired", "Last alert", "State");
                foreach (var r in view.Rules)
                {
                    OutputFormatter.AddRow(rules, r.Destination, r.Rule, r.Score.ToString("0.##"), r.TiersFired.ToString(), OutputFormatter.Time(r.LastAlertAt), r.Reason);
                }

                output.Render(rules);
            }

            if (view.Alerts.Count > 0)
            {
                var alerts = OutputFormatter.Table("Alert", "Destination", "Rule", "Tier", "Raised");
                foreach (var a in view.Alerts)
                {
                    OutputFormatter.AddRow(alerts, a.AlertId, a.Destination, a.Rule, a.Tier.ToString(), OutputFormatter.Time(a.RaisedAt));
                }

                output.Render(alerts);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
