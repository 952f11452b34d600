using Orleans.Runtime;

namespace Signals.Streaming.Redis;

/// <summary>One publish call waiting for its queue's next XADD; completes once Redis has the entry that carries it.</summary>
internal sealed class QueuedBatch
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public QueuedBatch(StreamId streamId, byte[] payload)
    {
        StreamId = streamId;
        Payload = payload;
    }

    public StreamId StreamId { get; }

    public byte[] Payload { get; }

    public Task Written => _written.Task;

    public void Complete() => _written.TrySetResult();

    public void Fail(Exception exception) => _written.TrySetException(exception);
}
