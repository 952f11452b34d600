namespace Signals.Streaming.Tests.Grains;

[Alias("Signals.Streaming.Tests.IConsumerGrain")]
public interface IConsumerGrain : IGrainWithStringKey
{
}
