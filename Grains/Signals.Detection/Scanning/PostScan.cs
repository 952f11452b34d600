namespace Signals.Detection.Scanning;

/// <summary>
/// One detection run over a post: scans the text and each hidden link, drops bare matches that a known URL or a
/// TON-shaped string already explains, resolves EVM chains from links, then reports each token once, in order.
/// Its working lists are reused per thread, so a post costs little more than its result.
/// </summary>
internal sealed class PostScan
{
    [ThreadStatic]
    private static PostScan? _cached;

    private readonly ScratchList<Occurrence> _occurrences = new();
    private readonly HashSet<Chain> _evmHints = [];
    private readonly ScratchList<Occurrence> _bare = new();
    private readonly ScratchList<Occurrence> _ton = new();
    private readonly List<TextRange> _tonShaped = [];
    private readonly List<TextRange> _knownSpans = [];
    private readonly List<Candidate> _candidates = [];
    private readonly List<TextRange> _runs = [];
    private readonly RangeSet _inKnownUrl = new();
    private readonly RangeSet _inTon = new();
    private readonly RangeSet _tonInKnownUrl = new();
    private readonly List<Cashtag> _cashtags = [];
    private readonly List<int> _tagOf = [];
    private readonly List<(int, int, int)> _tagScores = [];
    private readonly ScratchList<DetectedToken> _tokens = new();
    private readonly UrlParts _url = new();
    private int _inTextCount;

    // False when the post text has no '$', so no cashtag to label its addresses with.
    private bool _textMayHoldCashtag;
    private bool _busy;

    // Set while a segment's lists hold entries: each segment empties them when done, so a post that ends normally
    // has nothing left for Reset to clear (only one cut short by an exception does).
    private bool _segmentDirty;

    public static IReadOnlyList<DetectedToken> Run(string text, IReadOnlyList<string>? links, QuoteTokenSet quotes)
    {
        // Marked busy while in use, so even a re-entrant call could not share it (it gets a scan of its own). A
        // flag rather than taking the scan off the thread: each thread-static access is a call into the runtime.
        var scan = _cached ??= new PostScan();
        if (scan._busy)
        {
            scan = new PostScan();
        }

        scan._busy = true;
        try
        {
            return scan.Detect(text, links, quotes);
        }
        finally
        {
            scan.Reset();
            scan._busy = false;
        }
    }

    private IReadOnlyList<DetectedToken> Detect(string text, IReadOnlyList<string>? links, QuoteTokenSet quotes)
    {
        var cleanText = ScanSegment(text, 0);
        if (links is not null)
        {
            for (var k = 0; k < links.Count; k++)
            {
                if (links[k] is { Length: > 0 } link)
                {
                    ScanSegment(link, k + 1);
                }
            }
        }

        if (_occurrences.Count == 0)
        {
            return [];
        }

        SmallSort.ByPosition(_occurrences.AsSpan());
        return Report(cleanText, quotes);
    }

    private void Reset()
    {
        _occurrences.Clear();
        _evmHints.Clear();
        _cashtags.Clear();
        _tagOf.Clear();
        _tokens.Clear();
        _inTextCount = 0;
        if (_segmentDirty)
        {
            ClearSegment();
        }
    }

    private void ClearSegment()
    {
        _segmentDirty = false;
        _bare.Clear();
        _ton.Clear();
        _tonShaped.Clear();
        _knownSpans.Clear();
        _candidates.Clear();
        _runs.Clear();
    }

    /// <summary>Scans one segment; returns its text with invisible characters removed (the text itself when it has none).</summary>
    private string ScanSegment(string raw, int segment)
    {
        _segmentDirty = true;
        // The long runs first: they are the only places an address can be, and they hold neither dots nor invisible
        // characters, so the searches for those read only the text between them. A long base58 flood is read once.
        // Reading the blocks also says whether the text has any code unit that could be invisible (U+00AD or above),
        // any dot or any '$': most posts lack some of them, and are not searched for those.
        var text = raw;
        var screen = AddressScanner.FindCandidates(raw, _candidates, _runs);
        if (screen.MayHoldInvisible && TextNormalizer.ContainsInvisible(raw, _runs))
        {
            // Rare: an invisible character may have split an address, so the clean text is read again.
            text = TextNormalizer.StripInvisible(raw);
            _candidates.Clear();
            _runs.Clear();
            screen = AddressScanner.FindCandidates(text, _candidates, _runs);
        }

        if (segment == 0)
        {
            _textMayHoldCashtag = screen.MayHoldDollar;
        }

        // Links before the candidates are checked: addresses inside a known URL are the link scan's, so they need
        // not be decoded or hashed twice. A link's token is never dropped, and the post's occurrences are sorted
        // before they are reported, so the link scan adds straight to them. Every known host has a dot.
        if (screen.MayHoldDot)
        {
            LinkScanner.Scan(text, segment, _occurrences, _knownSpans, _evmHints, _runs, _url);
        }

        AddressScanner.Validate(text, segment, _candidates, _bare, _ton, _tonShaped, _knownSpans);

        if ((_knownSpans.Count == 0 && _tonShaped.Count == 0) || (_bare.Count == 0 && _ton.Count == 0))
        {
            // Nothing to drop: no known URL or TON-shaped range, or no bare or TON match (a chart link's own address
            // is never validated as a bare match, so a post whose only address sits in its link comes here too).
            _occurrences.AddRange(_bare.AsSpan());
            _occurrences.AddRange(_ton.AsSpan());
        }
        else
        {
            var inKnownUrl = _inKnownUrl.Load(_knownSpans);
            var inTon = _inTon.Load(_tonShaped);
            foreach (var o in _bare)
            {
                if (!(inKnownUrl.Overlaps(o.Start, o.End) | inTon.Overlaps(o.Start, o.End)))
                {
                    _occurrences.Add(o);
                }
            }

            SmallSort.ByPosition(_ton.AsSpan()); // one segment: by start
            var tonInKnownUrl = _tonInKnownUrl.Load(_knownSpans);
            foreach (var o in _ton)
            {
                if (!tonInKnownUrl.Overlaps(o.Start, o.End))
                {
                    _occurrences.Add(o);
                }
            }
        }

        ClearSegment();
        return text;
    }

    private IReadOnlyList<DetectedToken> Report(string text, QuoteTokenSet quotes)
    {
        // A bare EVM address with no link of its own takes the post's chain when the post's links name exactly one.
        Chain? postChain = null;
        if (_evmHints.Count == 1)
        {
            foreach (var hint in _evmHints)
            {
                postChain = hint;
            }
        }

        var labelled = _textMayHoldCashtag && AssignTickers(text);

        var tokens = _tokens;
        foreach (var o in _occurrences)
        {
            var chain = o.Chain;
            if (chain.IsEvm())
            {
                chain = LinkedChainOf(o.Address) ?? postChain ?? Chain.Evm;
            }

            if (quotes.Contains(o.Address) || Seen(tokens, chain, o.Address))
            {
                continue;
            }

            tokens.Add(new DetectedToken(chain, o.Address, labelled ? TickerOf(text, o.Address) : null));
        }

        // Built in a reused list, handed out as an array of the exact size: one allocation instead of a list and
        // its growing backing array.
        return tokens.Count == 0 ? [] : tokens.ToArray();
    }

    /// <summary>The chain a link in the post gave this EVM address (the first such link), if any.</summary>
    /// <remarks>A post names a handful of addresses: a linear search beats building a dictionary per post.</remarks>
    private Chain? LinkedChainOf(string address)
    {
        foreach (var o in _occurrences)
        {
            if (o.ChainFromLink && o.Chain.IsEvm() && o.Chain != Chain.Evm && o.Address == address)
            {
                return o.Chain;
            }
        }

        return null;
    }

    /// <summary>A post names a handful of tokens at most: a linear look-up beats building a set.</summary>
    private static bool Seen(ScratchList<DetectedToken> tokens, Chain chain, string address)
    {
        foreach (var t in tokens)
        {
            if (t.Chain == chain && t.Address == address)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Labels the addresses in the text with their cashtags; false when none is labelled.</summary>
    private bool AssignTickers(string text)
    {
        // Sorted by segment, so the text's occurrences come first.
        _inTextCount = 0;
        while (_inTextCount < _occurrences.Count && _occurrences[_inTextCount].Segment == 0)
        {
            _inTextCount++;
        }

        // A cashtag labels only an address at most MaxGap characters away, so only the text around the addresses is
        // searched for '$': a long post is not read a fifth time for labels that could not reach its addresses.
        const int Before = TickerAssigner.MaxGap + CashtagScanner.MaxTickerLength + 1;
        const int After = TickerAssigner.MaxGap + 1;
        _cashtags.Clear();
        int windowStart = 0, windowEnd = 0, resume = 0;
        for (var k = 0; k < _inTextCount; k++)
        {
            var o = _occurrences[k];
            int start = Math.Max(0, o.Start - Before), end = Math.Min(text.Length, o.End + After);
            if (k > 0 && start <= windowEnd)
            {
                windowEnd = Math.Max(windowEnd, end);
                continue;
            }

            if (k > 0)
            {
                resume = CashtagScanner.ScanRange(text, Math.Max(windowStart, resume), windowEnd, _cashtags);
            }

            (windowStart, windowEnd) = (start, end);
        }

        if (_inTextCount > 0)
        {
            CashtagScanner.ScanRange(text, Math.Max(windowStart, resume), windowEnd, _cashtags);
        }

        if (_cashtags.Count == 0)
        {
            return false;
        }

        TickerAssigner.Assign(text, _occurrences, _inTextCount, _cashtags, _tagOf, _tagScores);
        foreach (var tag in _tagOf)
        {
            if (tag >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ticker of the first labelled mention of <paramref name="address"/> in the text, if any.</summary>
    private string? TickerOf(string text, string address)
    {
        for (var k = 0; k < _inTextCount; k++)
        {
            if (_tagOf[k] >= 0 && _occurrences[k].Address == address)
            {
                return _cashtags[_tagOf[k]].Ticker(text);
            }
        }

        return null;
    }
}
