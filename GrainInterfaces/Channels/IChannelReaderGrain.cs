using Orleans.Concurrency;
using Signals.Sessions;

namespace Signals.Channels;

/// <summary>
/// Reads one channel (key: channel username without '@', lower case): cursor, catch-up, detection, publishing.
/// </summary>
[Alias("Signals.Channels.IChannelReaderGrain")]
public interface IChannelReaderGrain : IGrainWithStringKey
{
    /// <summary>Sets the session that reads this channel. <paramref name="startAfterMessageId"/> null: only posts from now on.</summary>
    [Alias("Assign")]
    Task AssignAsync(string sessionName, int? startAfterMessageId);

    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<ReaderStatus> GetStatusAsync();

    /// <summary>
    /// A post pushed by the session. Returns once every signal in it (and in any post missed before it) is on the stream
    /// and the cursor has moved past it.
    /// </summary>
    [Alias("OnPost")]
    Task<PostAck> OnPostAsync(PostSnapshot post);

    [Alias("OnEdited")]
    Task<PostAck> OnPostEditedAsync(PostSnapshot post);

    [Alias("OnDeleted")]
    Task<PostAck> OnPostsDeletedAsync(IReadOnlyList<int> messageIds);

    /// <summary>Reads history after the cursor until it is exhausted; the session calls it after every (re)connect.</summary>
    [Alias("CatchUp")]
    Task<PostAck> CatchUpAsync();
}
