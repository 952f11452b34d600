using System.CommandLine;
using Signals.Catalog;
using Signals.Client.Infrastructure;
using Signals.Client.Output;
using Signals.Sessions;

namespace Signals.Client.Commands;

/// <summary><c>signals sessions list|show|add|login</c>.</summary>
public static class SessionsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("sessions", "Telegram user sessions: list, inspect, register, log in.");
        command.Add(List(context));
        command.Add(Show(context));
        command.Add(Add(context));
        command.Add(SessionLoginCommand.Create(context));
        return command;
    }

    internal static Argument<string> NameArgument() => new("name")
    {
        Description = "Session name, e.g. reader-1.",
        Validators = { r => ValidateName(r) },
    };

    internal static Option<SessionRole> RoleOption() => new("--role")
    {
        Description = "What the session does: reader (reads channels) or notifier (sends alerts).",
        DefaultValueFactory = _ => SessionRole.Reader,
    };

    /// <summary>Registers the session in the catalog unless it is there already.</summary>
    internal static async Task<SessionRole> EnsureRegisteredAsync(ICatalogGrain catalog, string name, SessionRole role)
    {
        var existing = (await catalog.ListSessionsAsync()).FirstOrDefault(s => s.Name == name);
        if (existing is not null)
        {
            return existing.Role;
        }

        await catalog.AddSessionAsync(new SessionEntry(name, role));
        return role;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the sessions in the catalog with their live status.");
        context.SetClusterAction(command, async (_, client, output, _) =>
        {
            var entries = await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListSessionsAsync();
            var statuses = await Task.WhenAll(entries.Select(e => client.GetGrain<ITelegramSessionGrain>(e.Name).GetStatusAsync()));
            var views = entries.Zip(statuses, (e, s) => SessionView.From(s, e.Role)).ToList();
            if (output.IsJson)
            {
                output.Json(views);
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Session", "Role", "State", "Logged in", "Channels", "Silo", "Posts", "Sent", "Last error");
            foreach (var v in views)
            {
                OutputFormatter.AddRow(
                    table, v.Name, v.Role?.ToString().ToLowerInvariant(), v.State.ToString(), v.LoggedIn ? "yes" : "no",
                    v.Channels.Count.ToString(), v.Silo, v.PostsDispatched.ToString(), v.MessagesSent.ToString(), v.LastError);
            }

            output.Render(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("show", "Show one session's status.") { name };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var sessionName = parse.GetRequiredValue(name);
            var entry = (await client.GetGrain<ICatalogGrain>(CatalogKeys.Default).ListSessionsAsync()).FirstOrDefault(s => s.Name == sessionName);
            if (entry is null)
            {
                throw new CliException(ExitCodes.Failed, $"No session '{sessionName}' in the catalog (see 'signals sessions list').");
            }

            var view = SessionView.From(await client.GetGrain<ITelegramSessionGrain>(sessionName).GetStatusAsync(), entry.Role);
            if (output.IsJson)
            {
                output.Json(view);
                return ExitCodes.Ok;
            }

            var table = OutputFormatter.Table("Field", "Value");
            OutputFormatter.AddRow(table, "Session", view.Name);
            OutputFormatter.AddRow(table, "Role", view.Role?.ToString().ToLowerInvariant());
            OutputFormatter.AddRow(table, "State", view.State.ToString());
            OutputFormatter.AddRow(table, "Logged in", view.LoggedIn ? "yes" : "no");
            OutputFormatter.AddRow(table, "User", view.DisplayName is null ? view.UserId?.ToString() : $"{view.DisplayName} ({view.UserId})");
            OutputFormatter.AddRow(table, "Silo", view.Silo);
            OutputFormatter.AddRow(table, "Connected since", OutputFormatter.Time(view.ConnectedSince));
            OutputFormatter.AddRow(table, "Reconnects", view.Reconnects.ToString());
            OutputFormatter.AddRow(table, "Posts dispatched", view.PostsDispatched.ToString());
            OutputFormatter.AddRow(table, "Messages sent", view.MessagesSent.ToString());
            OutputFormatter.AddRow(table, "Channels", view.Channels.Count == 0 ? "-" : string.Join(", ", view.Channels));
            OutputFormatter.AddRow(table, "Last error", view.LastError);
            OutputFormatter.AddRow(table, "Ownership", view.OwnershipNote);
            output.Render(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Add(CliContext context)
    {
        var name = NameArgument();
        var role = RoleOption();
        var command = new Command("add", "Register a session in the catalog (login does this too).") { name, role };
        context.SetClusterAction(command, async (parse, client, output, _) =>
        {
            var sessionName = parse.GetRequiredValue(name);
            var catalog = client.GetGrain<ICatalogGrain>(CatalogKeys.Default);
            var actual = await EnsureRegisteredAsync(catalog, sessionName, parse.GetValue(role));
            if (output.IsJson)
            {
                output.Json(new SessionEntry(sessionName, actual));
            }
            else
            {
                output.Note($"Session '{sessionName}' is registered as {actual.ToString().ToLowerInvariant()}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void ValidateName(System.CommandLine.Parsing.ArgumentResult result)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (value.Length == 0 || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            result.AddError($"'{value}' is not a session name; use up to 64 letters, digits, '-', '_' or '.'.");
        }
    }
}
