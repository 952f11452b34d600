using System.CommandLine;
using Signals.Catalog;
using Signals.Channels;
using Signals.Client.Infrastructure;
using Signals.Client.Output;

namespace Signals.Client.Commands;

/// <summary><c>signals channels list|add|show</c>.</summary>
public static class ChannelsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("channels", "Channels the cluster reads: list, add (assigning a session), inspect.");
        command.Add(List(context));
        command.Add(Add(context));
        command.Add(Show(context));
        return command;
    }

    private static Argument<string> ChannelArgument() => new("channel")
    {
        Description = "Channel username (@name, name or t.me/name).",
        Validators = { r => ValidateChannel(r) },
    };

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the channels in the catalog with their readers' progress.");
        context.SetClusterAction(command, async (_, client, output, _) =>
        {
            var entries = await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListChannelsAsync();
            var statuses = await Task.WhenAll(entries.Select(e => client.GetGrain<IChannelReaderGrain>(ChannelName.Normalize(e.Channel)).GetStatusAsync()));
            var views = entries.Zip(statuses, ChannelView.From).ToList();
            if (output.IsJson)
            {
                output.Json(views);
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Channel", "Title", "Session", "Cursor", "Posts", "Signals", "Last post", "Silo", "Last error");
            foreach (var v in views)
            {
                OutputFormatter.AddRow(
                    table, v.Channel, v.Title, v.Session, v.Cursor?.ToString(), v.PostsProcessed.ToString(), v.SignalsPublished.ToString(),
                    OutputFormatter.Time(v.LastPostAt), v.Silo, v.LastError);
            }

            output.Render(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Add(CliContext context)
    {
        var channel = ChannelArgument();
        var session = new Option<string>("--session", "-s")
        {
            Description = "The reader session that joins and reads the channel.",
            Required = true,
            HelpName = "name",
        };
        var from = new Option<int?>("--from")
        {
            Description = "Process posts after this message id (default: only posts from now on).",
            HelpName = "message-id",
            Validators = { r => { if (r.GetValueOrDefault<int?>() is < 0) { r.AddError("--from must be a message id (0 or more)."); } } },
        };
        var command = new Command("add", "Join a channel through a session and start reading it.") { channel, session, from };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var name = ChannelName.Normalize(parse.GetRequiredValue(channel));
            var entry = await client.GetGrain<ICatalogGrain>(CatalogKeys.Default)
                .AddChannelAsync(name, parse.GetRequiredValue(session), parse.GetValue(from));
            if (output.IsJson)
            {
                output.Json(entry);
            }
            else
            {
                output.Note($"Channel '{entry.Channel}' ({entry.Title}) is read by session '{entry.Session}'.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var channel = ChannelArgument();
        var command = new Command("show", "Show one channel's reader: session, cursor, counters, last error.") { channel };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var name = ChannelName.Normalize(parse.GetRequiredValue(channel));
            var entry = (await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListChannelsAsync())
                .FirstOrDefault(c => ChannelName.Normalize(c.Channel) == name);
            if (entry is null)
            {
                throw new CliException(ExitCodes.Failed, $"No channel '{name}' in the catalog (see 'signals channels list').");
            }

            var view = ChannelView.From(entry, await client.GetGrain<IChannelReaderGrain>(name).GetStatusAsync());
            if (output.IsJson)
            {
                output.Json(view);
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Field", "Value");
            OutputFormatter.AddRow(table, "Channel", view.Channel);
            OutputFormatter.AddRow(table, "Title", view.Title);
            OutputFormatter.AddRow(table, "Channel id", view.ChannelId?.ToString());
            OutputFormatter.AddRow(table, "Session", view.Session);
            OutputFormatter.AddRow(table, "Added", OutputFormatter.Time(view.AddedAt));
            OutputFormatter.AddRow(table, "Cursor", view.Cursor?.ToString());
            OutputFormatter.AddRow(table, "Posts processed", view.PostsProcessed.ToString());
            OutputFormatter.AddRow(table, "Signals published", view.SignalsPublished.ToString());
            OutputFormatter.AddRow(table, "Last post", OutputFormatter.Time(view.LastPostAt));
            OutputFormatter.AddRow(table, "Silo", view.Silo);
            OutputFormatter.AddRow(table, "Last error", view.LastError);
            output.Render(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void ValidateChannel(System.CommandLine.Parsing.ArgumentResult result)
    {
        var raw = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var name = ChannelName.Normalize(raw);
        // Lenient on purpose: the emulator's and Telegram's naming rules differ; the catalog has the final word.
        if (name.Length is 0 or > 64 || name.Any(char.IsWhiteSpace))
        {
            result.AddError($"'{raw}' is not a channel name (@name, name or t.me/name, no spaces).");
        }
    }
}
