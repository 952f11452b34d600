using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using HelpGetConfig = Signals.Telegram.Tl.Help.GetConfig;
using HelpGetNearestDc = Signals.Telegram.Tl.Help.GetNearestDc;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// Answers API calls. The wrappers a client puts around its first call (invokeWithLayer, initConnection) are
/// unwrapped; each family of calls has its own handler; what the emulator does not serve gets the rpc_error
/// Telegram gives for an unknown method. A world error becomes Telegram's rpc_error for it, and no input, however
/// hostile, escapes as an exception: the connection must survive any request.
/// </summary>
internal sealed class RpcDispatcher(MtprotoDcSet dcs, MtprotoServerOptions options, TimeProvider time)
{
    private readonly LoginRpc _login = new(dcs, options.DcId);

    /// <summary>Answers <paramref name="request"/>; <paramref name="world"/> is the connection's side in the world (null before a key is attached).</summary>
    public RpcAnswer Answer(TlFunction request, WorldConnection? world)
    {
        var call = Unwrap(request);
        try
        {
            return call switch
            {
                var login when LoginRpc.Handles(login) => _login.Answer(login, world),
                HelpGetConfig => EmulatorConfig.Create(dcs, options.DcId, time.GetUtcNow()),
                HelpGetNearestDc => new NearestDc { Country = "ZZ", ThisDc = options.DcId, NearestDcValue = options.DcId },
                _ when world is null => RpcErrors.Of(401, "AUTH_KEY_UNREGISTERED"),
                var peers when PeerRpc.Handles(peers) => PeerRpc.Answer(peers, world, time),
                var history when HistoryRpc.Handles(history) => HistoryRpc.Answer(history, world),
                var updates when UpdatesRpc.Handles(updates) => UpdatesRpc.Answer(updates, world, options, time),
                var send when SendRpc.Handles(send) => SendRpc.Answer(send, world, time),
                var other => RpcErrors.Of(400, $"INPUT_METHOD_INVALID_{other.GetConstructorId():x8}"),
            };
        }
        catch (TelegramException error)
        {
            return RpcErrors.From(error);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            // Input the world refuses outright (absurd values); a request error, never the connection's end.
            return RpcErrors.Of(400, "INPUT_REQUEST_INVALID");
        }
    }

    /// <summary>The call inside invokeWithLayer / initConnection.</summary>
    public static TlFunction Unwrap(TlFunction request) => request switch
    {
        InvokeWithLayer withLayer => Unwrap(withLayer.Query),
        InitConnection init => Unwrap(init.Query),
        _ => request,
    };
}
