using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Signals.Testing.Cluster;

/// <summary>
/// Every log line the silos of a test cluster wrote (all levels of Signals' own categories, information and up of the
/// rest), so tests can check what the product says — and what it must never say.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly ConcurrentDictionary<string, CapturedLogs> ByCluster = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public static CapturedLogs For(string clusterId) => ByCluster.GetOrAdd(clusterId, _ => new CapturedLogs());

    public static void Forget(string clusterId) => ByCluster.TryRemove(clusterId, out _);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            category.StartsWith("Signals", StringComparison.Ordinal) ? logLevel >= LogLevel.Trace : logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
