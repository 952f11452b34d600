using Signals.Telegram.Tl;

namespace Signals.Telegram.Client;

/// <summary>
/// The one thing the client needs from a sender: call a function, get its result or an
/// <see cref="Mtproto.Sender.RpcErrorException"/>. A seam so the error mapping can be tested without a server.
/// </summary>
public interface IMtprotoInvoker
{
    Task<TResult> InvokeAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken)
        where TResult : notnull;
}
