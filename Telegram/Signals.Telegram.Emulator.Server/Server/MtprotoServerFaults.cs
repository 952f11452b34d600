using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using Signals.Telegram.Tl.Mtproto;

namespace Signals.Telegram.Emulator.Server;

/// <summary>Faults the server plays on purpose, for tests of a client's recovery.</summary>
public sealed class MtprotoServerFaults
{
    private readonly MtprotoServer _server;
    private int _dropsLeft;
    private int _differenceDropsLeft;
    private int _pushesToSkip;
    private int _pushesSkipped;
    private ErrorAnswers? _errorAnswers;

    internal MtprotoServerFaults(MtprotoServer server) => _server = server;

    /// <summary>Pushed updates the server has left out on purpose (see <see cref="SkipNextPushes"/>).</summary>
    public int PushesSkipped => Volatile.Read(ref _pushesSkipped);

    /// <summary>The next <paramref name="count"/> RPC requests make the server drop the TCP connection without answering.</summary>
    public void DropConnectionOnNextRequests(int count) => Interlocked.Exchange(ref _dropsLeft, count);

    /// <summary>
    /// The next <paramref name="count"/> updates.getDifference / updates.getChannelDifference calls drop the TCP
    /// connection without an answer, as a connection lost in the middle of a catch-up.
    /// </summary>
    public void DropConnectionInNextDifferences(int count = 1) => Interlocked.Exchange(ref _differenceDropsLeft, count);

    /// <summary>
    /// The next <paramref name="count"/> pushed updates (to any connection) are not sent, so a client sees a pts gap
    /// when the one after arrives and must fill it with getDifference / getChannelDifference.
    /// </summary>
    public void SkipNextPushes(int count) => Interlocked.Exchange(ref _pushesToSkip, count);

    /// <summary>
    /// Pushes <c>updatesTooLong</c> to every live connection logged in as <paramref name="userId"/> (all logged-in
    /// connections when null): the client must call updates.getDifference. Returns how many connections got it.
    /// </summary>
    public int PushUpdatesTooLong(long? userId = null) => _server.PushToConnections(userId, new Signals.Telegram.Tl.UpdatesTooLong());

    /// <summary>
    /// The next <paramref name="count"/> API calls are answered with the RPC error <paramref name="code"/>
    /// <paramref name="errorMessage"/> instead of being served (for instance <c>303 USER_MIGRATE_1</c>). Pings, the
    /// connection's invokeWithLayer(initConnection(...)) and auth.exportAuthorization / importAuthorization are
    /// served as usual, so a client can still connect and carry its login over while the fault is armed.
    /// </summary>
    /// <param name="onlyFor">When set, only calls of this TL function type are answered so (and counted); a client's
    /// own background calls (an update resync, say) then cannot use the fault up.</param>
    public void AnswerNextCallsWithError(int code, string errorMessage, int count = 1, Type? onlyFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorMessage);
        Volatile.Write(ref _errorAnswers, new ErrorAnswers(code, errorMessage, count, onlyFor));
    }

    /// <summary>The next <paramref name="count"/> API calls are answered <c>303 {kind}_{dcId}</c> (USER_MIGRATE, NETWORK_MIGRATE, ...).</summary>
    public void MigrateNextCalls(int dcId, string kind = "USER_MIGRATE", int count = 1, Type? onlyFor = null) =>
        AnswerNextCallsWithError(303, $"{kind}_{dcId}", count, onlyFor);

    /// <summary>The error this call is answered with instead of being served, when the fault is armed and the call is one it covers.</summary>
    internal RpcError? TakeErrorAnswer(TlFunction function)
    {
        if (function is InvokeWithLayer or InitConnection or ExportAuthorization or ImportAuthorization
            || Volatile.Read(ref _errorAnswers) is not { } armed
            || (armed.OnlyFor is { } only && !only.IsInstanceOfType(function))
            || !Take(ref armed.Left))
        {
            return null;
        }

        return new RpcError { ErrorCode = armed.Code, ErrorMessage = armed.Message };
    }

    internal bool TakeDrop() => Take(ref _dropsLeft);

    internal bool TakeDifferenceDrop() => Take(ref _differenceDropsLeft);

    internal bool TakePushSkip()
    {
        if (!Take(ref _pushesToSkip))
        {
            return false;
        }

        Interlocked.Increment(ref _pushesSkipped);
        return true;
    }

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var left = Volatile.Read(ref counter);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    /// <summary>One armed error answer and how many calls it still covers (a new arming replaces it whole).</summary>
    private sealed class ErrorAnswers(int code, string message, int left, Type? onlyFor)
    {
        public int Left = left;

        public int Code => code;

        public string Message => message;

        public Type? OnlyFor => onlyFor;
    }
}
