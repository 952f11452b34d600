using System.Diagnostics;
using Orleans.Streams;

namespace Signals.Benchmarks.Streams;

/// <summary>Implicit subscriber: records publish→delivery latency of every event it gets.</summary>
[ImplicitStreamSubscription(BenchStreams.Namespace)]
public sealed class BenchConsumerGrain : Grain, IBenchConsumerGrain, IAsyncObserver<BenchEvent>
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(BenchStreams.Provider)
            .GetStream<BenchEvent>(Orleans.Runtime.StreamId.Create(BenchStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(this);
    }

    public Task OnNextAsync(BenchEvent item, StreamSequenceToken? token = null)
    {
        // Silos and producer share this process, so Stopwatch timestamps are comparable.
        LatencyRecorder.Delivery.Record(Stopwatch.GetTimestamp() - item.PublishedAt);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
