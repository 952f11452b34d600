using System.CommandLine;
using System.Text.RegularExpressions;
using Signals.Client.Infrastructure;
using Signals.Signals;
using Signals.Streams;

namespace Signals.Client.Commands;

/// <summary>
/// <c>signals deadletters list [--count n] | replay &lt;id&gt;|--all</c>: signal events a token grain kept failing,
/// set aside by the durable stream provider after K deliveries, and putting them back.
/// </summary>
public static partial class DeadLettersCommand
{
    public const string NotDurable =
        "The signal streams of this cluster are not durable (memory streams, the embedded default): there are no dead letters; run the silos with Redis for durable streams.";

    private const int DefaultCount = 100;

    public static Command Create(CliContext context)
    {
        var command = new Command("deadletters", "Signal events that kept failing and were set aside: list, replay.");
        command.Add(List(context));
        command.Add(Replay(context));
        return command;
    }

    private static IDeadLetterGrain Grain(IClusterClient client) => client.GetGrain<IDeadLetterGrain>(SignalStreams.ProviderName);

    private static Command List(CliContext context)
    {
        var count = new Option<int>("--count", "-n")
        {
            Description = $"How many to show, oldest first (default {DefaultCount}).",
            HelpName = "n",
            DefaultValueFactory = _ => DefaultCount,
            Validators =
            {
                r =>
                {
                    if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
                    {
                        r.AddError("--count must be between 1 and 10000.");
                    }
                },
            },
        };
        var command = new Command("list", "List dead letters, oldest first.") { count };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var page = await Grain(client).ListAsync(parse.GetValue(count));
            if (!page.Durable)
            {
                throw new CliException(ExitCodes.Failed, NotDurable);
            }

            if (output.IsJson)
            {
                output.Json(page.Entries);
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Id", "Dead-lettered", "Stream", "Deliveries", "Reason", "From");
            foreach (var letter in page.Entries)
            {
                OutputFormatter.AddRow(
                    table, letter.Id, OutputFormatter.Time(letter.DeadLetteredAt), $"{letter.StreamNamespace}/{letter.StreamKey}",
                    letter.Deliveries.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Reason, $"{letter.SourceQueue} {letter.OriginalEntryId}");
            }

            output.Render(table);
            output.Note($"{page.Entries.Count} of {page.Total} dead letter(s) shown.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Replay(CliContext context)
    {
        var id = new Argument<string?>("id")
        {
            Description = "The dead letter's id (from 'signals deadletters list'), e.g. 1718000000000-0.",
            Arity = ArgumentArity.ZeroOrOne,
            Validators =
            {
                r =>
                {
                    var v = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
                    if (!EntryId().IsMatch(v))
                    {
                        r.AddError($"'{v}' is not a dead-letter id (digits-digits, as 'signals deadletters list' shows them).");
                    }
                },
            },
        };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter present now." };
        var command = new Command("replay", "Put dead letters back on their queue: each gets K fresh deliveries.") { id, all };
        command.Validators.Add(r =>
        {
            var hasId = r.GetResult(id) is { Tokens.Count: > 0 };
            if (hasId == r.GetValue(all))
            {
                r.AddError("Give either a dead-letter id or --all.");
            }
        });
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var grain = Grain(client);
            // Asked first, so "not durable" is never mistaken for "no such dead letter".
            if (!(await grain.ListAsync(1)).Durable)
            {
                throw new CliException(ExitCodes.Failed, NotDurable);
            }

            DeadLettersReplayView result;
            if (parse.GetValue(id) is { } letterId)
            {
                var entryId = await grain.ReplayAsync(letterId)
                    ?? throw new CliException(ExitCodes.Failed, $"No dead letter '{letterId}' (see 'signals deadletters list').");
                result = new DeadLettersReplayView(1, letterId, entryId);
            }
            else
            {
                result = new DeadLettersReplayView(await grain.ReplayAllAsync(), null, null);
            }

            if (output.IsJson)
            {
                output.Json(result);
            }
            else
            {
                output.Note(result.DeadLetterId is null
                    ? $"Replayed {result.Replayed} dead letter(s)."
                    : $"Replayed {result.DeadLetterId} as queue entry {result.QueueEntryId}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    [GeneratedRegex(@"^\d{1,20}-\d{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryId();
}
