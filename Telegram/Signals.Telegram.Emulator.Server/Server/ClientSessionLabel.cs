using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// The session name a client declares in initConnection's <c>params</c> (Signals' client sends
/// <c>{"signals_session": NAME}</c>), so the world counts and targets connections per session as an operator names them.
/// </summary>
internal static class ClientSessionLabel
{
    public const string ParamKey = "signals_session";

    /// <summary>The longest name accepted; anything longer is ignored rather than trusted.</summary>
    private const int MaxLength = 64;

    public static string? Of(TlFunction request) => request switch
    {
        InvokeWithLayer withLayer => Of(withLayer.Query),
        InitConnection { Params: JsonObject parameters } => parameters.Value
            .Where(p => p.Key == ParamKey)
            .Select(p => p.Value is JsonString { Value: { Length: > 0 and <= MaxLength } name } ? name : null)
            .FirstOrDefault(),
        _ => null,
    };
}
