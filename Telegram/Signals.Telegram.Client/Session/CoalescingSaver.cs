using Microsoft.Extensions.Logging;
using Signals.Telegram.Client.Connection;
using Signals.Telegram.Port;

namespace Signals.Telegram.Client.Session;

/// <summary>
/// Hands the session blob to the owner's store whenever the state changed, without save storms: at most one save is in
/// flight, and changes made meanwhile are folded into one more save of the latest state. A failed save is logged and
/// retried with the next change (or the final flush).
/// </summary>
internal sealed class CoalescingSaver(ITelegramSessionStore store, Func<byte[]> snapshot, ILogger logger)
{
    private readonly Lock _gate = new();
    private bool _dirty;
    private Task _running = Task.CompletedTask;

    /// <summary>Saves started so far (for tests that check saves are coalesced).</summary>
    public int SavesStarted { get; private set; }

    public void RequestSave()
    {
        lock (_gate)
        {
            _dirty = true;
            if (_running.IsCompleted)
            {
                _running = Task.Run(RunAsync);
            }
        }
    }

    /// <summary>Waits until the latest state is saved (or its save failed).</summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            Task running;
            lock (_gate)
            {
                if (!_dirty && _running.IsCompleted)
                {
                    return;
                }

                if (_running.IsCompleted)
                {
                    _running = Task.Run(RunAsync);
                }

                running = _running;
            }

            await running;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (!_dirty)
                {
                    return;
                }

                _dirty = false;
                SavesStarted++;
            }

            try
            {
                await store.SaveAsync(snapshot(), CancellationToken.None);
            }
            catch (Exception error)
            {
                // The next change (or the flush on dispose) saves the then-latest state again.
                ConnectionLog.SaveFailed(logger, error);
                return;
            }
        }
    }
}
