namespace Signals.Testing;

/// <summary>How a test <see cref="RedisServer"/> persists its data.</summary>
public sealed record RedisServerOptions
{
    /// <summary>AOF on by default so a restart keeps everything Redis acknowledged (within the fsync policy).</summary>
    public bool AppendOnly { get; init; } = true;

    /// <summary>Redis' <c>appendfsync</c>: <c>always</c>, <c>everysec</c> or <c>no</c>.</summary>
    public string AppendFsync { get; init; } = "everysec";
}
