using System.CommandLine;
using Orleans.Runtime;
using Signals.Catalog;

namespace Signals.Client.Infrastructure;

/// <summary>What every command needs: the console, the global options, and a way to run against the cluster.</summary>
public sealed class CliContext(IConsoleIO io, GlobalOptions globals)
{
    public IConsoleIO IO => io;

    public GlobalOptions Globals => globals;

    public OutputFormatter Output(ParseResult parse) => new(io, parse.GetValue(globals.Json));

    /// <summary>Sets an action that needs no cluster.</summary>
    public void SetLocalAction(Command command, Func<ParseResult, OutputFormatter, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, ct) => body(parse, Output(parse), ct));

    /// <summary>
    /// Sets an action that connects first, then runs <paramref name="body"/>. Failures the person can act on become
    /// <see cref="CliException"/>s with the matching exit code.
    /// </summary>
    public void SetClusterAction(Command command, Func<ParseResult, IClusterClient, OutputFormatter, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            var settings = globals.Resolve(parse, io);
            await using var connection = await ClusterConnection.ConnectAsync(settings, parse.GetValue(globals.Verbose) ? io.Error : null, ct);
            try
            {
                return await body(parse, connection.Client, Output(parse), ct);
            }
            catch (CatalogException ex)
            {
                throw new CliException(ExitCodes.Failed, ex.Message, ex);
            }
            catch (Exception ex) when (ex is SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or OrleansMessageRejectionException)
            {
                throw new CliException(ExitCodes.Unreachable, $"Lost the connection to the cluster ({settings.Describe()}).", ex);
            }
            catch (TimeoutException ex)
            {
                throw new CliException(ExitCodes.Failed, "The cluster did not answer in time.", ex);
            }
        });
}
