namespace Signals.Streams;

/// <summary>
/// The dead letters of one stream provider (key: the provider's name, e.g. <c>signals</c>): events a subscriber kept
/// failing, set aside after K deliveries. Only durable (Redis Streams) providers have them.
/// </summary>
[Alias("Signals.Streams.IDeadLetterGrain")]
public interface IDeadLetterGrain : IGrainWithStringKey
{
    /// <summary>The oldest <paramref name="count"/> dead letters and how many there are in all.</summary>
    [Alias("List")]
    Task<DeadLetterPage> ListAsync(int count);

    /// <summary>
    /// Puts one dead letter back on its queue (it gets K fresh attempts). Null when the provider is not durable or no
    /// dead letter has that id.
    /// </summary>
    [Alias("Replay")]
    Task<string?> ReplayAsync(string deadLetterId);

    /// <summary>Replays every dead letter present now; returns how many. Zero when the provider is not durable.</summary>
    [Alias("ReplayAll")]
    Task<int> ReplayAllAsync();
}
