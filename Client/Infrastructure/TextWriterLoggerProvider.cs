using Microsoft.Extensions.Logging;

namespace Signals.Client.Infrastructure;

/// <summary>With <c>--verbose</c>: the Orleans client's own logs, written to the CLI's standard error.</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class TextWriterLogger(TextWriterLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            owner.Write($"{logLevel.ToString()[..4].ToLowerInvariant()}: {category}: {formatter(state, exception)}");
            if (exception is not null)
            {
                owner.Write(exception.ToString());
            }
        }
    }
}
