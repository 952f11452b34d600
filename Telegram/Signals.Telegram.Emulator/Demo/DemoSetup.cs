using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Demo;

/// <summary>What <see cref="DemoWorld.Seed"/> created: the call channels, the two accounts and the alert destination.</summary>
public sealed record DemoSetup(IReadOnlyList<WorldChat> CallChannels, WorldUser Reader, WorldUser Notifier, WorldChat Destination);
