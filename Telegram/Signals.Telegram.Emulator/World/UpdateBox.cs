namespace Signals.Telegram.Emulator.World;

/// <summary>
/// A pts counter and its event log: each channel has one, and so has each account (Telegram's "common box" for
/// private chats and groups). Guarded by the world's lock.
/// </summary>
internal sealed class UpdateBox
{
    private readonly List<PtsEvent> _log = [];

    public int Pts { get; private set; }

    public PtsEvent Add(WorldUpdateKind kind, ChatRoom room, int ptsCount, int messageId, IReadOnlyList<int> deletedIds)
    {
        Pts += ptsCount;
        var entry = new PtsEvent(kind, room, Pts, ptsCount, messageId, deletedIds);
        _log.Add(entry);
        return entry;
    }

    /// <summary>Events whose pts is above <paramref name="afterPts"/>, oldest first, at most <paramref name="max"/>.</summary>
    public List<PtsEvent> After(int afterPts, int max)
    {
        // Pts only grows, so a binary search finds the first event past afterPts.
        int low = 0, high = _log.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_log[middle].Pts <= afterPts)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return _log.GetRange(low, Math.Min(max, _log.Count - low));
    }
}
