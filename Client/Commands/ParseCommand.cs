using System.CommandLine;
using Signals.Client.Infrastructure;
using Signals.Client.Output;
using Signals.Detection;

namespace Signals.Client.Commands;

/// <summary>
/// <c>signals parse</c>: the token detector on standard input, no cluster. With <c>--jsonl</c> every line is a post
/// (<c>{"id","text","links"?}</c>) and every output line its tokens; otherwise all of standard input is one post.
/// </summary>
public static class ParseCommand
{
    public static Command Create(CliContext context)
    {
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "Read one JSON post per line ({\"id\":…,\"text\":\"…\",\"links\":[…]}) and write one JSON result per line.",
        };
        var links = new Option<string[]>("--link")
        {
            Description = "A hidden text-link URL of the post (repeatable); without --jsonl only.",
            HelpName = "url",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("parse", "Detect token addresses in posts read from standard input (no cluster needed).") { jsonl, links };
        context.SetLocalAction(command, async (parse, output, ct) =>
        {
            var io = context.IO;
            if (parse.GetValue(jsonl))
            {
                if (parse.GetValue(links) is { Length: > 0 })
                {
                    throw CliException.Usage("--link applies to a single post; with --jsonl put \"links\" in each line.");
                }

                var skipped = await PostParser.RunJsonLinesAsync(io.In, io.Out, io.Error, TokenDetector.Default, ct);
                if (skipped > 0)
                {
                    await io.Error.WriteLineAsync($"{skipped} line(s) skipped.");
                    return ExitCodes.Skipped;
                }

                return ExitCodes.Ok;
            }

            var text = await io.In.ReadToEndAsync(ct);
            var tokens = TokenDetector.Default.Detect(text, parse.GetValue(links))
                .Select(t => new ParsedTokenView(ChainNames.ToName(t.Chain), t.Address, t.Ticker))
                .ToList();
            if (output.IsJson)
            {
                output.Json(new ParseView(tokens));
                return ExitCodes.Ok;
            }

            if (tokens.Count == 0)
            {
                output.Note("No token addresses found.");
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Chain", "Address", "Ticker");
            foreach (var t in tokens)
            {
                OutputFormatter.AddRow(table, t.Chain, t.Address, t.Ticker is null ? null : $"${t.Ticker}");
            }

            output.Render(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
