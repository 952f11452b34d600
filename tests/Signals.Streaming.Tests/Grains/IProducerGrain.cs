namespace Signals.Streaming.Tests.Grains;

[Alias("Signals.Streaming.Tests.IProducerGrain")]
public interface IProducerGrain : IGrainWithStringKey
{
    [Alias("Publish")]
    Task PublishAsync(string streamKey, TestEvent item);

    /// <summary>Publishes inside a fresh test activity and returns its trace id.</summary>
    [Alias("PublishTraced")]
    Task<string> PublishTracedAsync(string streamKey, TestEvent item);

    [Alias("Silo")]
    Task<string> GetSiloAsync();
}
