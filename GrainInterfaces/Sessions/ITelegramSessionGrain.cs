using Orleans.Concurrency;

namespace Signals.Sessions;

/// <summary>
/// The one owner of a Telegram session (key: session name): its connection, its state, its login flow.
/// Nobody else ever touches the session's connection; everything goes through this grain.
/// </summary>
[Alias("Signals.Sessions.ITelegramSessionGrain")]
public interface ITelegramSessionGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<SessionStatus> GetStatusAsync();

    /// <summary>Activates the grain and (re)connects if it has a login; the watchdog and the silo's start call it.</summary>
    [Alias("EnsureRunning")]
    Task<SessionStatus> EnsureRunningAsync();

    [Alias("StartLogin")]
    Task<LoginStepResult> StartLoginAsync(string phoneNumber);

    [Alias("SubmitCode")]
    Task<LoginStepResult> SubmitCodeAsync(string code);

    [Alias("SubmitPassword")]
    Task<LoginStepResult> SubmitPasswordAsync(string password);

    /// <summary>Resolves and joins a channel and remembers it in the peer cache; its posts then flow to its reader grain.</summary>
    [Alias("JoinChannel")]
    Task<ChannelPeerInfo> JoinChannelAsync(string channel);

    /// <summary>
    /// Posts after <paramref name="afterMessageId"/>, oldest first. Interleaves: a reader grain asks for history while
    /// this grain is waiting for that reader's answer about a pushed post.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetHistory")]
    Task<IReadOnlyList<PostSnapshot>> GetHistoryAsync(string channel, int afterMessageId, int limit);

    [AlwaysInterleave]
    [Alias("GetLatestMessageId")]
    Task<int> GetLatestMessageIdAsync(string channel);

    /// <summary>Sends HTML with the caller's random_id; a repeat of the same random_id does not send twice.</summary>
    [Alias("Send")]
    Task<SendResult> SendAsync(SendRequest request);

    /// <summary>Closes the connection and lets the grain deactivate (a graceful hand-over).</summary>
    [Alias("Disconnect")]
    Task DisconnectAsync();
}
