using Microsoft.Extensions.Logging.Abstractions;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Port;

namespace Signals.Telegram.Client.Tests.Session;

public sealed class CoalescingSaverTests
{
    [Fact]
    public async Task Changes_during_a_save_fold_into_one_more_save_of_the_latest_state()
    {
        var store = new GatedStore();
        var version = 0;
        var saver = new CoalescingSaver(store, () => [(byte)Volatile.Read(ref version)], NullLogger.Instance);

        Interlocked.Increment(ref version);
        saver.RequestSave();
        await store.FirstSaveStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        for (var change = 0; change < 50; change++)
        {
            Interlocked.Increment(ref version);
            saver.RequestSave();
        }

        store.Release.SetResult();
        await saver.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, store.Saved.Count);
        Assert.Equal(51, store.Saved[^1][0]);
        Assert.Equal(1, store.MaxInFlight);
    }

    private sealed class GatedStore : ITelegramSessionStore
    {
        private int _inFlight;

        public TaskCompletionSource FirstSaveStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<byte[]> Saved { get; } = [];

        public int MaxInFlight { get; private set; }

        public async ValueTask SaveAsync(byte[] sessionBlob, CancellationToken cancellationToken)
        {
            MaxInFlight = Math.Max(MaxInFlight, Interlocked.Increment(ref _inFlight));
            FirstSaveStarted.TrySetResult();
            await Release.Task;
            lock (Saved)
            {
                Saved.Add(sessionBlob);
            }

            Interlocked.Decrement(ref _inFlight);
        }
    }
}
