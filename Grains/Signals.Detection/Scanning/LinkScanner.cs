namespace Signals.Detection.Scanning;

/// <summary>
/// Finds links to the sites we know (with a scheme, or bare at the start of a word) and takes the token from its
/// place in the URL. The whole URL is reported as a span so that addresses elsewhere in it (a wallet, a pair's
/// quote side) are not also picked up by the bare-address scan. Links to other sites need no handling here: the
/// bare-address scan reads them like any other text.
/// </summary>
internal static class LinkScanner
{
    // Longest "sub.domain." prefix we walk back over before a known host; longer is not a URL we care about,
    // and the cap keeps adversarial input ("dexscreener.comdexscreener.com…") linear.
    private const int MaxSubdomainPrefix = 64;

    private const int MaxLabel = 24;

    // What a URL may hold: visible ASCII except the delimiters that close it in prose and markup.
    // A vectorised search finds its end instead of a test per character.
    private static readonly System.Buffers.SearchValues<char> UrlChars = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range('!', 0x80 - '!').Select(c => (char)c).Where(c => c is not ('<' or '>' or '"' or '\'' or '`' or ')' or ']' or '|' or '{' or '}' or '\\'))));

    private static readonly string[] JupiterMintParameters = ["sell", "buy", "inputmint", "outputmint"];

    /// <param name="runs">Sorted ranges that hold no dot (the address scan's longest runs), skipped by the dot search.</param>
    /// <param name="url">Scratch for the URLs' parts, reused from link to link (one is made when none is given).</param>
    public static void Scan(string text, int segment, ScratchList<Occurrence> found, List<TextRange> knownSpans, HashSet<Chain> evmHints, List<TextRange>? runs = null, UrlParts? url = null)
    {
        // Every known host is "label.tld": find dots (vectorised), look at the label around each. Prose has few dots.
        var span = text.AsSpan();
        var i = 0;
        var nextRun = 0;
        while (i < span.Length)
        {
            // Search up to the next long run, then jump over it: a run of base64 characters holds no dot.
            while (runs is not null && nextRun < runs.Count && runs[nextRun].End <= i)
            {
                nextRun++;
            }

            var limit = span.Length;
            if (runs is not null && nextRun < runs.Count)
            {
                if (runs[nextRun].Start <= i)
                {
                    i = runs[nextRun].End;
                    continue;
                }

                limit = runs[nextRun].Start;
            }

            var dot = ShortSearch.IndexOf(text, i, limit, '.');
            if (dot >= limit)
            {
                i = limit;
                continue;
            }

            i = dot + 1;
            var tldEnd = dot + 1;
            while (tldEnd < text.Length && tldEnd - dot < MaxLabel && IsLabelChar(text[tldEnd]))
            {
                tldEnd++;
            }

            // Most dots end a sentence or sit in "e.g.", "t.me", "0.5": rejected by what follows, before walking back.
            if (!KnownHost.IsKnownTld(text.AsSpan(dot + 1, tldEnd - dot - 1)))
            {
                continue;
            }

            var hit = dot;
            while (hit > 0 && dot - hit < MaxLabel && IsLabelChar(text[hit - 1]))
            {
                hit--;
            }

            if (hit == dot || KnownHost.FindDomain(text.AsSpan(hit, tldEnd - hit)) is not { } known
                || !TryLocateUrl(text, hit, tldEnd, out var urlStart, out var hostStart))
            {
                continue;
            }

            var urlEnd = FindUrlEnd(text, hostStart);
            HandleUrl(url ??= new UrlParts(), text, urlStart, hostStart, tldEnd, known, urlEnd, segment, found, knownSpans, evmHints);
            i = Math.Max(i, urlEnd);
        }
    }

    private static bool IsLabelChar(char c) => CharClass.IsAsciiAlnum(c) || c == '-';

    /// <summary>From a host-name hit, finds where its URL starts: the scheme, or the host itself when bare.</summary>
    /// <param name="tldEnd">Where the known "name.tld" found at <paramref name="hit"/> ends.</param>
    private static bool TryLocateUrl(string text, int hit, int tldEnd, out int urlStart, out int hostStart)
    {
        urlStart = hostStart = hit;
        var limit = Math.Max(0, hit - MaxSubdomainPrefix);
        while (hostStart > limit && IsHostChar(text[hostStart - 1]))
        {
            hostStart--;
        }

        if (hostStart > 0 && IsHostChar(text[hostStart - 1]))
        {
            return false; // an absurdly long host: not a link
        }

        // The host must end where the known name does ("pump.fun.evil.com" is evil.com's, "dexscreener.com." is no
        // link). Walking back added only subdomain labels: the caller found the name at a label start.
        if (tldEnd < text.Length && IsHostChar(text[tldEnd]))
        {
            return false;
        }

        if (hostStart >= 3 && text.AsSpan(hostStart - 3, 3).SequenceEqual("://"))
        {
            var schemeStart = hostStart - 3;
            while (schemeStart > 0 && hostStart - 3 - schemeStart < 5 && char.IsAsciiLetter(text[schemeStart - 1]))
            {
                schemeStart--;
            }

            var scheme = text.AsSpan(schemeStart, hostStart - 3 - schemeStart);
            urlStart = schemeStart;
            return AsciiCase.EqualsLower(scheme, "http") || AsciiCase.EqualsLower(scheme, "https");
        }

        // Bare: at the start of the text, after whitespace or after opening punctuation.
        urlStart = hostStart;
        return hostStart == 0 || char.IsWhiteSpace(text[hostStart - 1]) || text[hostStart - 1] is '(' or '[' or '<' or '"' or '\'' or '*' or '`' or ':';
    }

    private static bool IsHostChar(char c) => CharClass.IsAsciiAlnum(c) || c is '.' or '-';

    private static int FindUrlEnd(string text, int from)
    {
        var rel = text.AsSpan(from).IndexOfAnyExcept(UrlChars);
        var i = rel < 0 ? text.Length : from + rel;

        while (i > from && text[i - 1] is '.' or ',' or '!' or '?' or ':' or ';' or '*')
        {
            i--;
        }

        return i;
    }

    private static void HandleUrl(UrlParts url, string text, int urlStart, int hostStart, int hostEnd, KnownHost known, int urlEnd, int segment, ScratchList<Occurrence> found, List<TextRange> knownSpans, HashSet<Chain> evmHints)
    {
        url.Parse(text, hostStart, urlEnd);
        // The URL's host is the one already matched unless something other than a port or path follows it
        // ("dexscreener.com@evil.com" is evil.com's): then it is looked up again.
        var host = url.Host.End == hostEnd ? known : KnownHost.Find(url.Slice(url.Host));
        if (host is null)
        {
            return; // unknown site: its addresses are found by the bare-address scan like any other text
        }

        knownSpans.Add(new TextRange(urlStart, urlEnd));
        if (host.Chain is { } hostChain && hostChain.IsEvm())
        {
            evmHints.Add(hostChain);
        }

        var emit = new Emitter(text, segment, found, evmHints);
        var path = url.Path;
        switch (host.Kind)
        {
            case LinkKind.DexScreener when path.Length >= 2:
                emit.Token(path[1], KnownHost.ChainFromSlug(url.Slice(path[0])) ?? Chain.Evm);
                break;

            case LinkKind.Birdeye when url.PathIs(0, "token") && path.Length >= 2:
                var chainParam = url.QueryValue("chain");
                emit.Token(path[1], chainParam is { } c ? KnownHost.ChainFromSlug(url.Slice(c)) ?? Chain.Evm : Chain.Solana);
                break;

            case LinkKind.Birdeye when url.PathIs(1, "token") && path.Length >= 3:
                emit.Token(path[2], KnownHost.ChainFromSlug(url.Slice(path[0])) ?? Chain.Evm);
                break;

            case LinkKind.PumpFun when path.Length == 1:
                emit.Token(path[0], Chain.Solana);
                break;

            case LinkKind.PumpFun:
                for (var k = 0; k + 1 < path.Length; k++)
                {
                    if (url.PathIs(k, "coin"))
                    {
                        emit.Token(path[k + 1], Chain.Solana);
                        break;
                    }
                }

                break;

            case LinkKind.Gmgn when path.Length >= 3 && url.PathIs(1, "token") && KnownHost.ChainFromSlug(url.Slice(path[0])) is { } gmgnChain:
                // Referral links put "<invite code>_" in front of the address.
                var tokenPart = path[2];
                var underscore = url.Slice(tokenPart).LastIndexOf('_');
                emit.Token(underscore < 0 ? tokenPart : new TextRange(tokenPart.Start + underscore + 1, tokenPart.End), gmgnChain);
                break;

            case LinkKind.Solscan when url.PathIs(0, "token") && path.Length >= 2:
                emit.Token(path[1], Chain.Solana);
                break;

            case LinkKind.Jupiter:
                EmitJupiter(url, emit);
                break;

            case LinkKind.EvmExplorer when url.PathIs(0, "token") && path.Length >= 2 && host.Chain is { } explorerChain:
                emit.Token(path[1], explorerChain);
                break;
        }
    }

    private static void EmitJupiter(UrlParts url, Emitter emit)
    {
        var path = url.Path;
        if (url.PathIs(0, "swap") && path.Length >= 2)
        {
            // "SOL-<mint>" or "<mint>-USDC": each side of the pair; symbols like SOL simply fail validation.
            var pair = path[1];
            var pieceStart = pair.Start;
            for (var k = pair.Start; k <= pair.End; k++)
            {
                if (k == pair.End || url.Text[k] == '-')
                {
                    emit.Token(new TextRange(pieceStart, k), Chain.Solana);
                    pieceStart = k + 1;
                }
            }
        }
        else if ((url.PathIs(0, "tokens") || url.PathIs(0, "token")) && path.Length >= 2)
        {
            emit.Token(path[1], Chain.Solana);
        }

        foreach (var name in JupiterMintParameters)
        {
            if (url.QueryValue(name) is { } value)
            {
                emit.Token(value, Chain.Solana);
            }
        }
    }

    private readonly struct Emitter(string text, int segment, ScratchList<Occurrence> found, HashSet<Chain> evmHints)
    {
        public void Token(TextRange range, Chain hint)
        {
            if (hint.IsEvm() && hint != Chain.Evm)
            {
                evmHints.Add(hint);
            }

            if (range.End <= range.Start || !CharClass.IsBoundaryAt(text, range.End) || !CharClass.IsBoundaryBefore(text, range.Start))
            {
                return;
            }

            var slice = text.AsSpan(range.Start, range.End - range.Start);
            if (AddressValidator.TryValidate(slice, hint, out var chain, out var address))
            {
                found.Add(new Occurrence(segment, range.Start, range.End, chain, address, ChainFromLink: hint != Chain.Evm));
            }
        }
    }
}
