namespace Signals.Telegram.Emulator.Server;

public sealed class MtprotoServerOptions
{
    /// <summary>The DC number the emulator claims to be (config.this_dc, p_q_inner_data_dc).</summary>
    public int DcId { get; init; } = 2;

    /// <summary>Largest frame accepted from a client; anything bigger closes that connection.</summary>
    public int MaxFrameLength { get; init; } = 1024 * 1024;

    /// <summary>How far a client's msg_id may lag behind our clock before bad_msg_notification 16 (the spec: 300 s).</summary>
    public TimeSpan MaxMessageAge { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How far ahead of our clock a client's msg_id may be before bad_msg_notification 17 (the spec: 30 s).</summary>
    public TimeSpan MaxMessageLead { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection that sends nothing for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A gap (in pts) above which updates.getDifference answers differenceTooLong and updates.getChannelDifference
    /// channelDifferenceTooLong, so the client refetches history instead of replaying events. Telegram's own
    /// threshold is not published; clients see it at a few thousand.
    /// </summary>
    public int DifferenceTooLongThreshold { get; init; } = 5000;

    /// <summary>Most events one updates.getDifference answer carries before it becomes a differenceSlice.</summary>
    public int DifferenceSliceLimit { get; init; } = 1000;

    /// <summary>updates.getChannelDifference's cap on its limit (Telegram's for user accounts: 100).</summary>
    public int ChannelDifferenceLimitCap { get; init; } = 100;

    /// <summary>
    /// The DCs one world is served on, shared by its servers (each adds itself when started); help.getConfig lists
    /// them all and logins are sent to the account's home DC. Null: this server is the only DC.
    /// </summary>
    public MtprotoDcSet? Dcs { get; init; }
}
