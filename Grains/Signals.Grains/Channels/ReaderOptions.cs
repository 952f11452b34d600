namespace Signals.Channels;

/// <summary>Configuration section <c>Signals:Readers</c>.</summary>
public sealed class ReaderOptions
{
    public const string Section = "Signals:Readers";

    /// <summary>History page size when catching up.</summary>
    public int HistoryPageSize { get; set; } = 100;

    /// <summary>How many recent posts' tokens a reader remembers for edits and deletes.</summary>
    public int RememberedPosts { get; set; } = 2000;
}
