using Signals.Telegram.Tl;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// An API call's answer: ready now, or <see cref="Later"/> for a call the world answers asynchronously (a held
/// sendMessage), which the connection writes when it completes without stopping its read loop.
/// </summary>
internal readonly record struct RpcAnswer(TlObject? Now, Task<TlObject>? Later)
{
    public static implicit operator RpcAnswer(TlObject now) => new(now, null);
}
