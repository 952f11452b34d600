using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Demo;

/// <summary>A token going round: the channels that will call it, in order, one call per turn.</summary>
internal sealed class DemoCampaign(DemoToken token, IEnumerable<WorldChat> callers)
{
    private readonly Queue<WorldChat> _callers = new(callers);

    public DemoToken Token { get; } = token;

    public bool IsDone => _callers.Count == 0;

    public WorldChat NextCaller() => _callers.Dequeue();
}
