using System.CommandLine;
using System.Globalization;
using Signals.Catalog;
using Signals.Client.Infrastructure;
using Signals.Secrets;

namespace Signals.Client.Commands;

/// <summary>
/// <c>signals secrets rotate</c>: after a new key is configured on every silo (old key still present, new one active),
/// re-encrypt everything stored under the new key; then the old key can be removed. The CLI never handles a key.
/// </summary>
public static class SecretsCommand
{
    public const string NotDurable =
        "This cluster stores nothing (the embedded default): there is nothing to re-encrypt.";

    public static Command Create(CliContext context)
    {
        var command = new Command("secrets", "Secrets at rest: re-encrypt stored session state under the active key.");
        var rotate = new Command("rotate", "Re-encrypt every protected value under the silos' active key.");
        context.SetClusterAction(rotate, async (_, client, output, _) =>
        {
            var result = await client.GetGrain<ISecretsAdminGrain>(CatalogKeys.Default).RotateAsync();
            if (!result.Durable)
            {
                throw new CliException(ExitCodes.Failed, NotDurable);
            }

            if (output.IsJson)
            {
                output.Json(result);
            }
            else
            {
                var table = OutputFormatter.Table("Active key", "Scanned", "Rotated", "Already current", "Undecryptable", "Changed meanwhile");
                OutputFormatter.AddRow(
                    table,
                    result.ActiveKeyId,
                    Number(result.Scanned),
                    Number(result.Rotated),
                    Number(result.AlreadyCurrent),
                    Number(result.Undecryptable),
                    Number(result.ChangedConcurrently));
                output.Render(table);
                foreach (var problem in result.Problems)
                {
                    output.Note(problem);
                }
            }

            // Undecryptable values were left as they are; say so with the exit code, since the old key must stay.
            return result.Undecryptable > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        command.Add(rotate);
        return command;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
