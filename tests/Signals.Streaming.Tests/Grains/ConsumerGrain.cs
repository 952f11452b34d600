using System.Diagnostics;
using Orleans.Streams;

namespace Signals.Streaming.Tests.Grains;

/// <summary>
/// Implicit subscriber: records every delivery in <see cref="DeliveryLog"/> (so tests can count duplicates across
/// silo deaths) and processes each event id once. Throws for ids in <see cref="PoisonSwitch"/>.
/// </summary>
[ImplicitStreamSubscription(TestStreams.Namespace)]
public sealed class ConsumerGrain(ILocalSiloDetails silo) : Grain, IConsumerGrain, IAsyncObserver<TestEvent>
{
    private readonly HashSet<string> _processed = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(TestStreams.Provider).GetStream<TestEvent>(TestStreams.Id(this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(this);
    }

    public Task OnNextAsync(TestEvent item, StreamSequenceToken? token = null)
    {
        if (PoisonSwitch.IsPoisoned(item.Id))
        {
            DeliveryLog.RecordFailure(item.Id);
            throw new InvalidOperationException($"Poison event {item.Id}.");
        }

        DeliveryLog.RecordDelivery(item.Id, silo.Name, Activity.Current?.TraceId.ToString());
        _processed.Add(item.Id);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
