using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Updates;

/// <summary>
/// Updates that arrived ahead of their box (a pts gap), held for a short while in case the missing ones are merely
/// late, each box with its own timer that fires once when the wait is over.
/// </summary>
internal sealed class GapBuffer : IDisposable
{
    private readonly Dictionary<long, List<(PtsSlot Slot, Update? Update)>> _held = [];
    private readonly Dictionary<long, ITimer> _timers = [];

    public bool Holds(long box) => _held.TryGetValue(box, out var held) && held.Count > 0;

    public void Hold(PtsSlot slot, Update? update, Func<ITimer> startTimer)
    {
        if (!_held.TryGetValue(slot.Box, out var held))
        {
            _held[slot.Box] = held = [];
        }

        held.Add((slot, update));
        if (!_timers.ContainsKey(slot.Box))
        {
            _timers[slot.Box] = startTimer();
        }
    }

    /// <summary>The next held update that now fits <paramref name="localPts"/>; held ones already covered are dropped.</summary>
    public (PtsSlot Slot, Update? Update)? TakeNext(long box, int localPts)
    {
        if (!_held.TryGetValue(box, out var held))
        {
            return null;
        }

        held.RemoveAll(entry => entry.Slot.Pts <= localPts);
        var next = held.FindIndex(entry => entry.Slot.Before == localPts);
        if (next < 0)
        {
            if (held.Count == 0)
            {
                Clear(box);
            }

            return null;
        }

        var found = held[next];
        held.RemoveAt(next);
        if (held.Count == 0)
        {
            Clear(box);
        }

        return found;
    }

    /// <summary>Forgets what is held for a box (a difference is about to fetch it all) and stops its timer.</summary>
    public void Clear(long box)
    {
        _held.Remove(box);
        if (_timers.Remove(box, out var timer))
        {
            timer.Dispose();
        }
    }

    public void Dispose() => ClearAll();

    public void ClearAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
        _held.Clear();
    }
}
