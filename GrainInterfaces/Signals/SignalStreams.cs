namespace Signals.Signals;

/// <summary>Names of the signal stream: one provider, one namespace, one stream per token.</summary>
public static class SignalStreams
{
    /// <summary>The stream provider's name. Memory streams in the embedded default, Redis Streams when Redis is configured.</summary>
    public const string ProviderName = "signals";

    /// <summary>The stream namespace; token grains subscribe to it implicitly.</summary>
    public const string Namespace = "signals";
}
