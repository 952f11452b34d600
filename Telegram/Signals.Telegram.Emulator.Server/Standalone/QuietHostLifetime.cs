using Microsoft.Extensions.Hosting;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>
/// The admin web host must not hook SIGTERM/Ctrl+C itself (the default console lifetime does): the program decides
/// when the whole emulator stops, and an emulator hosted inside a test process must never touch its signals.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
