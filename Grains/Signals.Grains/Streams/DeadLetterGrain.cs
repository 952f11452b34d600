using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Signals.Streaming.Redis;

namespace Signals.Streams;

/// <summary>
/// Dead letters through the cluster rather than straight from the CLI to Redis: the silo holds the provider's real
/// settings (key prefix, queue count, service id), so a replay lands on the very queue its stream's receivers read;
/// the CLI works the same through a gateway as through Redis clustering; and whether the streams are durable at all
/// is answered by the silo's own wiring instead of being guessed by the client.
/// </summary>
[StatelessWorker]
public sealed class DeadLetterGrain : Grain, IDeadLetterGrain
{
    private const int MaxPage = 10_000;

    private RedisDeadLetters? _deadLetters;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Absent when the provider is not the Redis one (memory streams in the embedded default).
        _deadLetters = ServiceProvider.GetKeyedService<RedisDeadLetters>(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<DeadLetterPage> ListAsync(int count)
    {
        if (_deadLetters is null)
        {
            return new DeadLetterPage(false, 0, []);
        }

        var letters = await _deadLetters.ListAsync(Math.Clamp(count, 1, MaxPage));
        var total = await _deadLetters.CountAsync();
        return new DeadLetterPage(
            true,
            total,
            letters.Select(l => new DeadLetterEntry(
                l.Id, l.StreamNamespace, l.StreamKey, l.SourceQueue, l.OriginalEntryId, l.Deliveries, l.Reason, l.DeadLetteredAt)).ToList());
    }

    public async Task<string?> ReplayAsync(string deadLetterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterId);
        return _deadLetters is null ? null : await _deadLetters.ReplayAsync(deadLetterId);
    }

    public async Task<int> ReplayAllAsync() => _deadLetters is null ? 0 : await _deadLetters.ReplayAllAsync();
}
