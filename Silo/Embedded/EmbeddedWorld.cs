using Signals.Telegram.Emulator.World;

namespace Signals.Silo.Embedded;

/// <summary>The in-process emulated Telegram of the embedded default (and, until the standalone emulator exists, of Redis mode).</summary>
public sealed class EmbeddedWorld(TelegramWorld world)
{
    public TelegramWorld World { get; } = world;
}
