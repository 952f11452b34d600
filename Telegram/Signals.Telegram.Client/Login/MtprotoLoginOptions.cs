namespace Signals.Telegram.Client;

/// <summary>The application's credentials from my.telegram.org. The api_hash is a secret: never logged, never printed.</summary>
public sealed class MtprotoLoginOptions
{
    public required int ApiId { get; init; }

    public required string ApiHash { get; init; }

    /// <summary>Leaves the hash out, so an options object that ends up in a log line or an exception does not leak it.</summary>
    public override string ToString() => $"api_id {ApiId}, api_hash (hidden)";
}
