using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Signals.Streaming.Redis;

/// <summary>
/// Called by the pulling agent when a subscriber kept failing an entry for <c>MaxEventDeliveryTime</c>. The entry is
/// not acknowledged (the cache skips failed items), so it stays pending; here it leaves the in-flight set so the
/// receiver redelivers it after <c>RedeliveryDelay</c>, until Redis has counted K deliveries and it is dead-lettered.
/// </summary>
internal sealed class RedisDeliveryFailureHandler : IStreamFailureHandler
{
    private readonly string _provider;
    private readonly QueueDeliveryState _state;
    private readonly ILogger _logger;

    public RedisDeliveryFailureHandler(string provider, QueueDeliveryState state, ILogger logger)
    {
        _provider = provider;
        _state = state;
        _logger = logger;
    }

    /// <summary>Never fault a subscription: the entry is retried and dead-lettered, the subscriber keeps receiving.</summary>
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        var entryId = _state.Failed(sequenceToken);
        StreamingInstruments.RecordDeliveryFailure(_provider, _state.QueueNumber);
        StreamLog.DeliveryFailed(_logger, _provider, _state.QueueNumber, entryId, streamIdentity.ToString());
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        Task.CompletedTask;
}
