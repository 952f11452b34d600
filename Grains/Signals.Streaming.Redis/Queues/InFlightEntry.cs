namespace Signals.Streaming.Redis;

/// <summary>
/// One Redis entry in the agent's cache: its batches' tokens, how many of them are not yet delivered or failed, and
/// whether any failed (then the entry must not be acknowledged).
/// </summary>
internal sealed class InFlightEntry
{
    public InFlightEntry(string id, long firstToken, int batches)
    {
        Id = id;
        FirstToken = firstToken;
        Batches = batches;
        Unresolved = batches;
    }

    public string Id { get; }

    public long FirstToken { get; }

    public int Batches { get; }

    public int Unresolved { get; set; }

    public bool AnyFailed { get; set; }
}
