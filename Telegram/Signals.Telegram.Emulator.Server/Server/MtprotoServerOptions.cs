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
}
