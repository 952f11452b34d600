using Signals.Telegram.Errors;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Connection;

/// <summary>A call whose failures come out as the port's typed exceptions.</summary>
internal static class TelegramCalls
{
    public static async Task<TResult> CallAsync<TResult>(this IMtprotoInvoker invoker, TlFunction<TResult> request, CancellationToken cancellationToken)
        where TResult : notnull
    {
        try
        {
            return await invoker.InvokeAsync(request, cancellationToken);
        }
        catch (RpcErrorException error)
        {
            throw RpcErrors.ToException(error);
        }
        catch (MtprotoException error) when (error.TransportErrorCode is -404)
        {
            throw new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED");
        }
        catch (MtprotoException error)
        {
            // The sender gave up on the connection: whether the call reached the server is unknown.
            throw new TelegramTransientException("CONNECTION_LOST", "CONNECTION_LOST: the connection to Telegram was lost", error);
        }
        catch (ObjectDisposedException error)
        {
            throw new TelegramTransientException("CONNECTION_CLOSED", "CONNECTION_CLOSED: the connection was closed", error);
        }
    }
}
