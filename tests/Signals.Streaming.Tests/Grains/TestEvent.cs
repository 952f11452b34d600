namespace Signals.Streaming.Tests.Grains;

[GenerateSerializer, Immutable, Alias("Signals.Streaming.Tests.TestEvent")]
public sealed record TestEvent([property: Id(0)] string Id);
