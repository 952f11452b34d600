namespace Signals.Detection.Scanning;

/// <summary>
/// One detection run over a post: scans the text and each hidden link, drops bare matches that a known URL or a
/// TON-shaped string already explains, resolves EVM chains from links, then reports each token once, in order.
/// </summary>
internal sealed class PostScan
{
    private readonly List<Occurrence> _occurrences = [];
    private readonly HashSet<Chain> _evmHints = [];

    public static IReadOnlyList<DetectedToken> Run(string text, IReadOnlyList<string>? links, QuoteTokenSet quotes)
    {
        var scan = new PostScan();
        var cleanText = TextNormalizer.StripInvisible(text);
        scan.ScanSegment(cleanText, 0);
        if (links is not null)
        {
            for (var k = 0; k < links.Count; k++)
            {
                if (links[k] is { } link)
                {
                    scan.ScanSegment(TextNormalizer.StripInvisible(link), k + 1);
                }
            }
        }

        scan._occurrences.Sort((a, b) => a.Segment != b.Segment ? a.Segment.CompareTo(b.Segment) : a.Start.CompareTo(b.Start));
        return scan.Report(cleanText, quotes);
    }

    private void ScanSegment(string text, int segment)
    {
        var bare = new List<Occurrence>();
        var ton = new List<Occurrence>();
        var tonShaped = new List<TextRange>();
        var fromLinks = new List<Occurrence>();
        var knownSpans = new List<TextRange>();

        AddressScanner.ScanWords(text, segment, bare);
        AddressScanner.ScanTonFriendly(text, segment, urlSafe: true, ton, tonShaped);
        AddressScanner.ScanTonFriendly(text, segment, urlSafe: false, ton, tonShaped);
        AddressScanner.ScanTonRaw(text, segment, ton, tonShaped);
        LinkScanner.Scan(text, segment, fromLinks, knownSpans, _evmHints);

        var inKnownUrl = new RangeSet(knownSpans);
        var inTon = new RangeSet(tonShaped);
        foreach (var o in bare)
        {
            if (inKnownUrl.Overlaps(o.Start, o.End) | inTon.Overlaps(o.Start, o.End))
            {
                continue;
            }

            _occurrences.Add(o);
        }

        ton.Sort((a, b) => a.Start.CompareTo(b.Start));
        var tonInKnownUrl = new RangeSet(knownSpans);
        foreach (var o in ton)
        {
            if (!tonInKnownUrl.Overlaps(o.Start, o.End))
            {
                _occurrences.Add(o);
            }
        }

        _occurrences.AddRange(fromLinks);
    }

    private List<DetectedToken> Report(string text, QuoteTokenSet quotes)
    {
        var evmChainOf = new Dictionary<string, Chain>(StringComparer.Ordinal);
        foreach (var o in _occurrences)
        {
            if (o.ChainFromLink && o.Chain.IsEvm() && o.Chain != Chain.Evm)
            {
                evmChainOf.TryAdd(o.Address, o.Chain);
            }
        }

        // A bare EVM address with no link of its own takes the post's chain when the post's links name exactly one.
        Chain? postChain = _evmHints.Count == 1 ? _evmHints.First() : null;

        var inText = _occurrences.Where(o => o.Segment == 0).ToList();
        var tickers = TickerAssigner.Assign(text, inText, CashtagScanner.Scan(text));
        var tickerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < inText.Count; k++)
        {
            if (tickers.TryGetValue(k, out var ticker))
            {
                tickerOf.TryAdd(inText[k].Address, ticker);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new List<DetectedToken>();
        foreach (var o in _occurrences)
        {
            var chain = o.Chain;
            if (chain.IsEvm())
            {
                chain = evmChainOf.TryGetValue(o.Address, out var linked) ? linked : postChain ?? Chain.Evm;
            }

            if (quotes.Contains(o.Address))
            {
                continue;
            }

            var token = new DetectedToken(chain, o.Address, tickerOf.GetValueOrDefault(o.Address));
            if (seen.Add(token.Key))
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }
}
