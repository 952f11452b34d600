namespace Signals.Telegram.Emulator.Server;

/// <summary>Faults the server plays on purpose, for tests of a client's recovery.</summary>
public sealed class MtprotoServerFaults
{
    private int _dropsLeft;

    /// <summary>The next <paramref name="count"/> RPC requests make the server drop the TCP connection without answering.</summary>
    public void DropConnectionOnNextRequests(int count) => Interlocked.Exchange(ref _dropsLeft, count);

    internal bool TakeDrop()
    {
        while (true)
        {
            var left = Volatile.Read(ref _dropsLeft);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _dropsLeft, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
