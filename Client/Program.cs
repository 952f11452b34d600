using Signals.Client;
using Signals.Client.Infrastructure;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C ends the command cleanly (tail unsubscribes); a second one kills the process as usual.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};

return await SignalsCli.RunAsync(args, SystemConsoleIO.Instance, cancel.Token);
