namespace Signals.Client.Output;

public sealed record SiloView(string Address, string Name, string Host, string Status, DateTimeOffset StartedAt, DateTimeOffset IAmAliveAt);
