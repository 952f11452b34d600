using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Tl;

/// <summary>A TL function whose result type is known statically.</summary>
public abstract class TlFunction<TResult> : TlFunction
    where TResult : notnull
{
    public abstract TResult ReadResult(ref TlReader reader);

    public sealed override object ReadResultObject(ref TlReader reader) => ReadResult(ref reader);
}
