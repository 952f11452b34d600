using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Tl;

/// <summary>A TL function (an RPC request). Knows how to read its own result.</summary>
public abstract class TlFunction : TlObject
{
    /// <summary>Reads the result of this call (the body of its rpc_result) as an untyped value.</summary>
    public abstract object ReadResultObject(ref TlReader reader);
}
