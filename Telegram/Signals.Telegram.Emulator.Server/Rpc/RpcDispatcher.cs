using System.Net;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using HelpGetConfig = Signals.Telegram.Tl.Help.GetConfig;
using HelpGetNearestDc = Signals.Telegram.Tl.Help.GetNearestDc;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// Answers API calls. The wrappers a client puts around its first call (invokeWithLayer, initConnection) are
/// unwrapped; the login calls go to <see cref="LoginRpc"/>; what the emulator does not serve yet gets the rpc_error Telegram gives for an unknown method.
/// </summary>
internal sealed class RpcDispatcher(IPEndPoint endPoint, MtprotoServerOptions options, TimeProvider time)
{
    private readonly LoginRpc _login = new();

    /// <summary>Answers <paramref name="request"/>; <paramref name="world"/> is the connection's side in the world (null before a key is attached).</summary>
    public TlObject Answer(TlFunction request, WorldConnection? world) => Unwrap(request) switch
    {
        var login when LoginRpc.Handles(login) => _login.Answer(login, world),
        HelpGetConfig => EmulatorConfig.Create(endPoint, options.DcId, time.GetUtcNow()),
        HelpGetNearestDc => new NearestDc { Country = "ZZ", ThisDc = options.DcId, NearestDcValue = options.DcId },
        var other => new RpcError { ErrorCode = 400, ErrorMessage = $"INPUT_METHOD_INVALID_{other.GetConstructorId():x8}" },
    };

    private static TlFunction Unwrap(TlFunction request) => request switch
    {
        InvokeWithLayer withLayer => Unwrap(withLayer.Query),
        InitConnection init => Unwrap(init.Query),
        _ => request,
    };
}
