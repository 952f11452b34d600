using Signals.Catalog;
using Signals.Channels;

namespace Signals.Client.Output;

/// <summary>A channel: its catalog entry (when registered) and its reader grain's status.</summary>
public sealed record ChannelView(
    string Channel,
    string? Session,
    long? ChannelId,
    string? Title,
    DateTimeOffset? AddedAt,
    int? Cursor,
    long PostsProcessed,
    long SignalsPublished,
    DateTimeOffset? LastPostAt,
    string? LastError,
    string? Silo)
{
    public static ChannelView From(ChannelEntry? entry, ReaderStatus status) => new(
        status.Channel, status.Session ?? entry?.Session, entry?.ChannelId, entry?.Title, entry?.AddedAt, status.Cursor,
        status.PostsProcessed, status.SignalsPublished, status.LastPostAt, status.LastError, status.Silo);
}
