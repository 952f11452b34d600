namespace Signals.Client.Output;

public sealed record GrainCountView(string GrainType, int Activations, int Silos);
