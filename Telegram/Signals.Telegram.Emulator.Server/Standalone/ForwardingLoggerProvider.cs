using Microsoft.Extensions.Logging;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>
/// Hands the admin web host's loggers to the caller's factory, so the host's own filters (which keep request paths,
/// and with them phone numbers, out of the log) apply whatever factory the caller gave.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
        // The caller owns the factory.
    }
}
