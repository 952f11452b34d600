namespace Signals.Telegram.Model;

/// <summary>The message Telegram stored for a send. <see cref="WasDuplicate"/>: the random_id had been used before.</summary>
public sealed record SentMessage(long PeerId, int MessageId, DateTimeOffset Date, bool WasDuplicate);
