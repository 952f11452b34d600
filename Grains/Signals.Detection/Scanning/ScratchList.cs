using System.Runtime.CompilerServices;

namespace Signals.Detection.Scanning;

/// <summary>
/// A list reused from post to post whose <see cref="Clear"/> only resets the count. <c>List&lt;T&gt;.Clear</c> on an
/// element type that holds a reference (an address string) calls <c>Array.Clear</c> every time, even for one element;
/// on the corpus those calls were 2–3 % of a pass. The slots keep the last post's references until they are
/// overwritten, so a list that grew past <see cref="KeptReferences"/> is cleared for real: a thread never holds more
/// than a handful of an old post's strings.
/// </summary>
internal sealed class ScratchList<T>
{
    private const int KeptReferences = 16;

    private T[] _items = new T[4];

    public int Count { get; private set; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _items[index];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in T item)
    {
        var items = _items;
        var count = Count;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = item;
            Count = count + 1;
        }
        else
        {
            AddGrowing(item);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddGrowing(in T item)
    {
        Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        if (Count + items.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + items.Length));
        }

        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    public Span<T> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>For <c>foreach</c>, over the elements as they are when it starts.</summary>
    public Span<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    public T[] ToArray() => AsSpan().ToArray();

    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Count > KeptReferences)
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }
}
