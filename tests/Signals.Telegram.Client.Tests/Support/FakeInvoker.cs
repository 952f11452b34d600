using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>Answers each call with whatever the test's handler returns or throws, and keeps the calls made.</summary>
internal sealed class FakeInvoker(Func<TlFunction, object> answer) : IMtprotoInvoker
{
    public List<TlFunction> Calls { get; } = [];

    public Task<TResult> InvokeAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken)
        where TResult : notnull
    {
        Calls.Add(request);
        return Task.FromResult((TResult)answer(request));
    }
}
