using System.Collections.Concurrent;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>A thread-safe fake server: each call is answered (or failed) by the test's handler, and recorded.</summary>
internal sealed class ScriptedInvoker(Func<TlFunction, object> answer) : IMtprotoInvoker
{
    private readonly ConcurrentQueue<TlFunction> _calls = new();

    public IReadOnlyList<TlFunction> Calls => [.. _calls];

    public IReadOnlyList<T> CallsOf<T>() => [.. _calls.OfType<T>()];

    public Task<TResult> InvokeAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken)
        where TResult : notnull
    {
        _calls.Enqueue(request);
        try
        {
            return Task.FromResult((TResult)answer(request));
        }
        catch (Exception error)
        {
            return Task.FromException<TResult>(error);
        }
    }
}
