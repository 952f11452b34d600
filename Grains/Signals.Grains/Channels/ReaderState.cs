namespace Signals.Channels;

[GenerateSerializer]
[Alias("Signals.Channels.ReaderState")]
public sealed class ReaderState
{
    [Id(0)]
    public string? Session { get; set; }

    /// <summary>The last message id whose signals are all on the stream. Null: not started yet.</summary>
    [Id(1)]
    public int? Cursor { get; set; }

    [Id(2)]
    public long PostsProcessed { get; set; }

    [Id(3)]
    public long SignalsPublished { get; set; }

    [Id(4)]
    public DateTimeOffset? LastPostAt { get; set; }

    /// <summary>
    /// Tokens published per recent message, so an edit publishes only tokens it added and a delete retracts exactly what
    /// the post had. Bounded to <see cref="ReaderOptions.RememberedPosts"/> messages.
    /// </summary>
    [Id(5)]
    public Dictionary<int, List<RememberedToken>> RecentTokens { get; set; } = [];
}
