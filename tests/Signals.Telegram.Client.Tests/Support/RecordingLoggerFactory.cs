using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>Keeps the event ids and messages every logger made, so a test can tell which path the client took.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(EventId Id, string Message)> _entries = new();

    public IReadOnlyList<(EventId Id, string Message)> Entries => [.. _entries];

    public int Count(int eventId) => _entries.Count(entry => entry.Id.Id == eventId);

    public ILogger CreateLogger(string categoryName) => new Recorder(_entries);

    public void AddProvider(ILoggerProvider provider)
    {
        // Records by itself; providers are not needed.
    }

    public void Dispose()
    {
        // Nothing to release.
    }

    private sealed class Recorder(ConcurrentQueue<(EventId, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((eventId, formatter(state, exception)));
    }
}
