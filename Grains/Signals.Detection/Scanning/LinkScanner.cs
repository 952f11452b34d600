namespace Signals.Detection.Scanning;

/// <summary>
/// Finds URLs (with a scheme, or a bare known host at the start of a word) and, for the sites we know, takes the
/// token from its place in the URL. The whole URL of a known site is reported as a span so that addresses
/// elsewhere in it (a wallet, a pair's quote side) are not also picked up by the bare-address scan.
/// </summary>
internal static class LinkScanner
{
    public static void Scan(string text, int segment, List<Occurrence> found, List<TextRange> knownSpans, HashSet<Chain> evmHints)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var chunkStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            ScanChunk(text, chunkStart, i, segment, found, knownSpans, evmHints);
        }
    }

    private static void ScanChunk(string text, int start, int end, int segment, List<Occurrence> found, List<TextRange> knownSpans, HashSet<Chain> evmHints)
    {
        var anyScheme = false;
        var pos = start;
        while (pos < end)
        {
            var rel = text.AsSpan(pos, end - pos).IndexOf("://", StringComparison.Ordinal);
            if (rel < 0)
            {
                break;
            }

            var colon = pos + rel;
            var schemeStart = colon;
            while (schemeStart > pos && char.IsAsciiLetter(text[schemeStart - 1]))
            {
                schemeStart--;
            }

            var scheme = text.AsSpan(schemeStart, colon - schemeStart);
            var hostStart = colon + 3;
            if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                pos = hostStart;
                continue;
            }

            anyScheme = true;
            var urlEnd = FindUrlEnd(text, hostStart, end);
            HandleUrl(text, schemeStart, hostStart, urlEnd, segment, found, knownSpans, evmHints);
            pos = Math.Max(urlEnd, hostStart);
        }

        if (anyScheme)
        {
            return;
        }

        // A bare "dexscreener.com/solana/…" without a scheme, at the start of a word after opening punctuation.
        var bare = start;
        while (bare < end && text[bare] is '(' or '[' or '<' or '"' or '\'' or '*' or '`')
        {
            bare++;
        }

        var bareEnd = FindUrlEnd(text, bare, end);
        var slash = text.AsSpan(bare, bareEnd - bare).IndexOf('/');
        if (slash > 0 && KnownHost.Find(text.AsSpan(bare, slash)) is not null)
        {
            HandleUrl(text, bare, bare, bareEnd, segment, found, knownSpans, evmHints);
        }
    }

    private static int FindUrlEnd(string text, int from, int chunkEnd)
    {
        var i = from;
        while (i < chunkEnd && text[i] < 0x80 && text[i] is not ('<' or '>' or '"' or '\'' or '`' or ')' or ']' or '|' or '{' or '}' or '\\'))
        {
            i++;
        }

        while (i > from && text[i - 1] is '.' or ',' or '!' or '?' or ':' or ';' or '*')
        {
            i--;
        }

        return i;
    }

    private static void HandleUrl(string text, int urlStart, int hostStart, int urlEnd, int segment, List<Occurrence> found, List<TextRange> knownSpans, HashSet<Chain> evmHints)
    {
        var url = UrlParts.Parse(text, hostStart, urlEnd);
        var host = KnownHost.Find(url.Slice(url.Host));
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
            case LinkKind.DexScreener when path.Count >= 2:
                emit.Token(path[1], KnownHost.ChainFromSlug(url.Slice(path[0])) ?? Chain.Evm);
                break;

            case LinkKind.Birdeye when url.PathIs(0, "token") && path.Count >= 2:
                var chainParam = url.QueryValue("chain");
                emit.Token(path[1], chainParam is { } c ? KnownHost.ChainFromSlug(url.Slice(c)) ?? Chain.Evm : Chain.Solana);
                break;

            case LinkKind.Birdeye when url.PathIs(1, "token") && path.Count >= 3:
                emit.Token(path[2], KnownHost.ChainFromSlug(url.Slice(path[0])) ?? Chain.Evm);
                break;

            case LinkKind.PumpFun when path.Count == 1:
                emit.Token(path[0], Chain.Solana);
                break;

            case LinkKind.PumpFun:
                for (var k = 0; k + 1 < path.Count; k++)
                {
                    if (url.PathIs(k, "coin"))
                    {
                        emit.Token(path[k + 1], Chain.Solana);
                        break;
                    }
                }

                break;

            case LinkKind.Gmgn when path.Count >= 3 && url.PathIs(1, "token") && KnownHost.ChainFromSlug(url.Slice(path[0])) is { } gmgnChain:
                // Referral links put "<invite code>_" in front of the address.
                var tokenPart = path[2];
                var underscore = url.Slice(tokenPart).LastIndexOf('_');
                emit.Token(underscore < 0 ? tokenPart : new TextRange(tokenPart.Start + underscore + 1, tokenPart.End), gmgnChain);
                break;

            case LinkKind.Solscan when url.PathIs(0, "token") && path.Count >= 2:
                emit.Token(path[1], Chain.Solana);
                break;

            case LinkKind.Jupiter:
                EmitJupiter(url, emit);
                break;

            case LinkKind.EvmExplorer when url.PathIs(0, "token") && path.Count >= 2 && host.Chain is { } explorerChain:
                emit.Token(path[1], explorerChain);
                break;
        }
    }

    private static void EmitJupiter(UrlParts url, Emitter emit)
    {
        var path = url.Path;
        if (url.PathIs(0, "swap") && path.Count >= 2)
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
        else if ((url.PathIs(0, "tokens") || url.PathIs(0, "token")) && path.Count >= 2)
        {
            emit.Token(path[1], Chain.Solana);
        }

        foreach (var name in (string[])["sell", "buy", "inputMint", "outputMint"])
        {
            if (url.QueryValue(name) is { } value)
            {
                emit.Token(value, Chain.Solana);
            }
        }
    }

    private readonly struct Emitter(string text, int segment, List<Occurrence> found, HashSet<Chain> evmHints)
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
