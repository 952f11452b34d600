using System.CommandLine;
using Signals.Catalog;
using Signals.Client.Infrastructure;
using Signals.Client.Output;
using Signals.Sessions;

namespace Signals.Client.Commands;

/// <summary>
/// <c>signals sessions login &lt;name&gt; --phone &lt;p&gt;</c>: phone → code → optional 2FA password, through the session grain.
/// The phone is only ever printed masked; the code and the password are never printed, and prompts do not echo them.
/// </summary>
public static class SessionLoginCommand
{
    private const int MaxCodeAttempts = 3;

    public static Command Create(CliContext context)
    {
        var name = SessionsCommand.NameArgument();
        var role = SessionsCommand.RoleOption();
        var phone = new Option<string>("--phone")
        {
            Description = "The account's phone number in international form (+15550100). Asked for, hidden, when omitted.",
            HelpName = "number",
            // The message must not repeat what was typed: it is a secret.
            Validators = { r => { if (!IsPhone(r.GetValueOrDefault<string>())) { r.AddError("--phone must be an international phone number such as +15550100."); } } },
        };
        var code = new Option<string?>("--code")
        {
            Description = "The login code, for scripts; asked for (hidden) when omitted.",
            HelpName = "code",
        };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the two-step verification password from the first line of standard input.",
        };
        var command = new Command("login", "Log a session into Telegram; once logged in it is registered in the catalog.")
        {
            name, phone, code, passwordStdin, role,
        };

        context.SetClusterAction(command, async (parse, client, output, ct) =>
        {
            var sessionName = parse.GetRequiredValue(name);
            var phoneNumber = parse.GetValue(phone) ?? context.IO.ReadSecret("Phone number (hidden):");
            if (!IsPhone(phoneNumber))
            {
                throw CliException.Usage("A phone number in international form is required (--phone).");
            }

            var masked = PhoneMask.Mask(phoneNumber!);
            var scrubber = new SecretScrubber();
            scrubber.Add(phoneNumber);
            var session = client.GetGrain<ITelegramSessionGrain>(sessionName);

            var result = await session.StartLoginAsync(phoneNumber!);
            var givenCode = parse.GetValue(code);
            for (var attempt = 1; result.Step == LoginStep.CodeRequired && attempt <= MaxCodeAttempts; attempt++)
            {
                output.Note(attempt == 1 ? $"A login code was sent to {masked}." : $"The code was not accepted: {scrubber.Scrub(result.Message)}");
                // A code given on the command line is tried once; a person at the prompt gets a few tries.
                var loginCode = attempt == 1 && givenCode is not null ? givenCode : givenCode is null ? context.IO.ReadSecret("Login code:") : null;
                if (string.IsNullOrWhiteSpace(loginCode))
                {
                    if (attempt > 1)
                    {
                        break;
                    }

                    throw CliException.Usage("The login code is required: pass --code or run in a terminal.");
                }

                scrubber.Add(loginCode);
                result = await session.SubmitCodeAsync(loginCode.Trim());
            }

            if (result.Step == LoginStep.PasswordRequired && result.Succeeded)
            {
                var password = parse.GetValue(passwordStdin)
                    ? await context.IO.In.ReadLineAsync(ct)
                    : context.IO.ReadSecret("Two-step verification password:");
                if (string.IsNullOrEmpty(password))
                {
                    throw CliException.Usage("The two-step verification password is required: pass --password-stdin or run in a terminal.");
                }

                scrubber.Add(password);
                result = await session.SubmitPasswordAsync(password);
            }

            var done = result.Step == LoginStep.LoggedIn && result.Succeeded;
            if (done)
            {
                // Only a session that logged in joins the catalog: a mistyped number must not leave an entry behind.
                await SessionsCommand.EnsureRegisteredAsync(client.GetGrain<ICatalogGrain>(CatalogKeys.Default), sessionName, parse.GetValue(role));
            }

            var message = scrubber.Scrub(result.Message);
            var view = new LoginView(sessionName, masked, result.Step, done, message);
            if (output.IsJson)
            {
                output.Json(view);
            }
            else
            {
                output.Note(done ? $"Session '{sessionName}' ({masked}) is logged in. {message}".TrimEnd() : $"Login failed: {message}");
            }

            return done ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static bool IsPhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
    }
}
