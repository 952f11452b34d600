using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client;

/// <summary>Calls go through a connected <see cref="MtprotoSender"/>; the sender stays owned by the caller.</summary>
public sealed class MtprotoSenderInvoker(MtprotoSender sender) : IMtprotoInvoker
{
    private readonly MtprotoSender _sender = sender ?? throw new ArgumentNullException(nameof(sender));

    public Task<TResult> InvokeAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken)
        where TResult : notnull =>
        _sender.InvokeAsync(request, cancellationToken);
}
