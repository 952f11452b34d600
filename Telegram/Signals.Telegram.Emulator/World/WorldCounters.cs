namespace Signals.Telegram.Emulator.World;

/// <summary>
/// What the world saw, counted since it was created. Read at any time from any thread; tests assert on these
/// (above all that <see cref="AuthKeyDuplicated"/> stays zero).
/// </summary>
public sealed class WorldCounters
{
    private readonly long[] _values = new long[Enum.GetValues<CounterKind>().Length];

    /// <summary>Connections opened while another connection was live on the same auth key.</summary>
    public long AuthKeyDuplicated => Read(CounterKind.AuthKeyDuplicated);

    /// <summary>Connections opened while another connection was live under the same session name (any key).</summary>
    public long SessionOverlaps => Read(CounterKind.SessionOverlaps);

    public long ConnectionsOpened => Read(CounterKind.ConnectionsOpened);

    public long ConnectionsClosed => Read(CounterKind.ConnectionsClosed);

    public long CodesIssued => Read(CounterKind.CodesIssued);

    public long LoginsSucceeded => Read(CounterKind.LoginsSucceeded);

    /// <summary>Sign-in and password attempts answered with a failure outcome.</summary>
    public long LoginsFailed => Read(CounterKind.LoginsFailed);

    /// <summary>Successful username/id resolutions; Telegram bans accounts that resolve too many names.</summary>
    public long PeersResolved => Read(CounterKind.PeersResolved);

    /// <summary>Posts published through the admin surface (the demo feed, tests).</summary>
    public long PostsPublished => Read(CounterKind.PostsPublished);

    /// <summary>Messages stored by sendMessage (duplicates excluded).</summary>
    public long MessagesSent => Read(CounterKind.MessagesSent);

    /// <summary>sendMessage calls that repeated a random_id and got the earlier message back.</summary>
    public long DuplicateSendsSuppressed => Read(CounterKind.DuplicateSendsSuppressed);

    public long FloodWaitsServed => Read(CounterKind.FloodWaitsServed);

    /// <summary>Sends attempted while the sender was still inside a flood wait it had been told about.</summary>
    public long FloodWaitViolations => Read(CounterKind.FloodWaitViolations);

    public long TransientFailuresServed => Read(CounterKind.TransientFailuresServed);

    /// <summary>Sends that were stored but whose answer the caller never got (injected).</summary>
    public long RepliesLost => Read(CounterKind.RepliesLost);

    /// <summary>Connections closed by an injected disconnect.</summary>
    public long Disconnects => Read(CounterKind.Disconnects);

    public long SessionsRevoked => Read(CounterKind.SessionsRevoked);

    public long UpdatesPushed => Read(CounterKind.UpdatesPushed);

    /// <summary>Connections closed because their reader fell too far behind the pushed updates.</summary>
    public long UpdateQueueOverflows => Read(CounterKind.UpdateQueueOverflows);

    internal void Increment(CounterKind kind) => Interlocked.Increment(ref _values[(int)kind]);

    private long Read(CounterKind kind) => Interlocked.Read(ref _values[(int)kind]);
}
