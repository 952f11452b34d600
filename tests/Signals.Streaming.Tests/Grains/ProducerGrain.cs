using System.Diagnostics;

namespace Signals.Streaming.Tests.Grains;

public sealed class ProducerGrain(ILocalSiloDetails silo) : Grain, IProducerGrain
{
    public static readonly ActivitySource Source = new("Signals.Streaming.Tests");

    public Task PublishAsync(string streamKey, TestEvent item) =>
        this.GetStreamProvider(TestStreams.Provider).GetStream<TestEvent>(TestStreams.Id(streamKey)).OnNextAsync(item);

    public async Task<string> PublishTracedAsync(string streamKey, TestEvent item)
    {
        using var activity = Source.StartActivity("test publish") ?? throw new InvalidOperationException("The test listener must sample the test source.");
        await PublishAsync(streamKey, item);
        return activity.TraceId.ToString();
    }

    public Task<string> GetSiloAsync() => Task.FromResult(silo.Name);
}
