namespace Signals.Client.Output;

public sealed record StatusView(IReadOnlyList<SiloView> Silos, IReadOnlyList<GrainCountView> Grains, int TotalActivations);
