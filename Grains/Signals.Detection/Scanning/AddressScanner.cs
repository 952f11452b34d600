using Signals.Detection.Codecs;

namespace Signals.Detection.Scanning;

/// <summary>
/// Finds bare addresses in one segment in a single forward pass (no regex, no backtracking).
/// <see cref="LongRunFinder"/> skips, 16 characters at a time, every stretch that holds no run of 31 or more
/// base64-ish characters. Only such runs are read, once each, and split into their pieces:
/// <list type="bullet">
/// <item>alphanumeric pieces of 32–44 characters: Solana base58, or EVM <c>0x</c> + 40 hex;</item>
/// <item>alphanumeric pieces of exactly 64 right after a colon: TON raw <c>0:</c>/<c>-1:</c> + hex;</item>
/// <item>48-character runs of one base64 alphabet (split by <c>+ /</c> for base64url, <c>- _</c> for standard): TON friendly.</item>
/// </list>
/// Every character is visited a bounded number of times, so a megabyte of base58 costs what a megabyte of prose costs.
/// </summary>
internal static class AddressScanner
{
    /// <param name="bare">Solana and EVM addresses, in text order.</param>
    /// <param name="ton">TON addresses (friendly and raw), in text order.</param>
    /// <param name="tonShaped">Ranges with a TON header (valid or with a bad CRC), whose pieces are not Solana keys.</param>
    /// <param name="knownUrls">Spans of known-site URLs, whose addresses the link scan reports. A candidate wholly inside
    /// one is not validated: the caller drops every bare match that overlaps such a span, so checking it (a base58
    /// decode, a Keccak hash) would be work thrown away.</param>
    public static void Scan(string text, int segment, ScratchList<Occurrence> bare, ScratchList<Occurrence> ton, List<TextRange> tonShaped, List<TextRange>? knownUrls = null)
    {
        var candidates = new List<Candidate>();
        FindCandidates(text, candidates, runs: null);
        Validate(text, segment, candidates, bare, ton, tonShaped, knownUrls);
    }

    /// <summary>
    /// Reads every long run once and records the stretches whose length fits an address form, in text order.
    /// Nothing is validated yet: the link scan, which runs next, says which of them lie in known URLs.
    /// </summary>
    /// <param name="runs">When given, receives the extent of each run of <see cref="LongRunFinder.SkippedRunLength"/> or
    /// more characters, in text order. Runs hold only <c>[0-9A-Za-z+/_-]</c>, so the callers need not search them again
    /// for dots or invisible characters.</param>
    /// <returns>What the reading of the blocks learnt about the characters outside the runs (the runs hold only the
    /// run alphabet), for the searches that come next.</returns>
    public static TextScreen FindCandidates(string text, List<Candidate> candidates, List<TextRange>? runs)
    {
        var span = text.AsSpan();
        var from = 0;
        var screen = default(TextScreen);
        while (true)
        {
            var block = LongRunFinder.NextFullBlock(span, from, ref screen);
            if (block < 0)
            {
                // The blocks read cover [0, from) and up to the last whole block; the last 16 characters cover the rest.
                screen.AddTail(span);
                return screen;
            }

            // The run began less than one block back: that block was tested and failed, or held the end of an
            // earlier run, so it has a character outside the run alphabet.
            var runStart = LongRunFinder.RunStartBefore(span, block);

            var runEnd = ReadRun(span, runStart, candidates);
            if (runEnd - runStart >= LongRunFinder.SkippedRunLength)
            {
                runs?.Add(new TextRange(runStart, runEnd));
            }

            // The next search starts at the block holding runEnd: its character there is outside the run alphabet, so
            // the block fails, and the screen takes in the characters after the run (the run's are none it looks for).
            from = runEnd / LongRunFinder.Block * LongRunFinder.Block;
        }
    }

    /// <summary>Checks each candidate (in the order found) and reports the addresses.</summary>
    public static void Validate(string text, int segment, List<Candidate> candidates, ScratchList<Occurrence> bare, ScratchList<Occurrence> ton, List<TextRange> tonShaped, List<TextRange>? knownUrls)
    {
        // Looked up linearly, so only when there are few; past that nothing is skipped, which costs time, not results.
        var skip = knownUrls is { Count: > 0 and <= MaxKnownUrlsLookedUp } ? knownUrls : null;
        foreach (var candidate in candidates)
        {
            switch (candidate.Kind)
            {
                case CandidateKind.AlnumPiece:
                    AlnumPiece(text, candidate.Start, candidate.End, segment, bare, ton, tonShaped, skip);
                    break;
                case CandidateKind.UrlRun:
                    TryFriendlyAt(text, candidate.Start, segment, urlSafe: true, ton, tonShaped, skip);
                    break;
                default:
                    TryFriendlyAt(text, candidate.Start, segment, urlSafe: false, ton, tonShaped, skip);
                    break;
            }
        }
    }

    private const int MaxKnownUrlsLookedUp = 8;

    /// <summary>True when [start, end) lies wholly inside a known URL: any match there is dropped by the caller.</summary>
    private static bool InsideKnownUrl(List<TextRange>? knownUrls, int start, int end)
    {
        if (knownUrls is null)
        {
            return false;
        }

        foreach (var span in knownUrls)
        {
            if (span.Start <= start && end <= span.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads one maximal base64-ish run from <paramref name="runStart"/>; returns its end.</summary>
    private static int ReadRun(ReadOnlySpan<char> span, int runStart, List<Candidate> candidates)
    {
        var pieceStart = runStart;
        var urlStart = runStart; // current run of the base64url alphabet (alphanumerics, '-', '_')
        var stdStart = runStart; // current run of the standard alphabet (alphanumerics, '+', '/')
        while (true)
        {
            var rel = AlnumRunEnd.IndexOfNonAlnum(span[pieceStart..]);
            var end = rel < 0 ? span.Length : pieceStart + rel;
            AlnumPiece(span, pieceStart, end, candidates);

            var c = end < span.Length ? span[end] : '\0';
            if (c is '-' or '_')
            {
                FriendlyRun(span, CandidateKind.StandardRun, stdStart, end, candidates);
                stdStart = end + 1;
            }
            else if (c is '+' or '/')
            {
                FriendlyRun(span, CandidateKind.UrlRun, urlStart, end, candidates);
                urlStart = end + 1;
            }
            else if (urlStart == stdStart)
            {
                // No '-', '_', '+' or '/' in the run: both alphabets read it alike, so one check answers for both.
                FriendlyRun(span, CandidateKind.UrlRun, urlStart, end, candidates);
                return end;
            }
            else
            {
                FriendlyRun(span, CandidateKind.UrlRun, urlStart, end, candidates);
                FriendlyRun(span, CandidateKind.StandardRun, stdStart, end, candidates);
                return end;
            }

            pieceStart = end + 1;
        }
    }

    /// <summary>A maximal run of ASCII letters and digits: most are rejected by their length alone.</summary>
    private static void AlnumPiece(ReadOnlySpan<char> span, int start, int end, List<Candidate> candidates)
    {
        // 0x + 40 hex (42) lies inside the Solana range; TON raw hex is 64 after a colon.
        var length = end - start;
        if (length is >= AddressValidator.SolanaMinLength and <= AddressValidator.SolanaMaxLength
            || (length == 64 && start >= 2 && span[start - 1] == ':'))
        {
            candidates.Add(new Candidate(CandidateKind.AlnumPiece, start, end));
        }
    }

    private static void FriendlyRun(ReadOnlySpan<char> span, CandidateKind kind, int start, int end, List<Candidate> candidates)
    {
        if (end - start == TonAddress.FriendlyLength && HasTonPrefix(span, start))
        {
            candidates.Add(new Candidate(kind, start, end));
        }
    }

    /// <summary>Checks an alphanumeric piece found by <see cref="AlnumPiece(ReadOnlySpan{char}, int, int, List{Candidate})"/>.</summary>
    private static void AlnumPiece(string text, int start, int end, int segment, ScratchList<Occurrence> bare, ScratchList<Occurrence> ton, List<TextRange> tonShaped, List<TextRange>? skip)
    {
        var length = end - start;
        if (length == 64)
        {
            TryRawAt(text, start - 1, segment, ton, tonShaped, skip);
            return;
        }

        // A look-alike letter glued on either side (Cyrillic 'о', fullwidth digits…) spoils the whole word.
        if (!CharClass.IsBoundaryBefore(text, start) || (end < text.Length && CharClass.IsLookalikeWordChar(text, end, out _)))
        {
            return;
        }

        if (InsideKnownUrl(skip, start, end))
        {
            return;
        }

        var run = text.AsSpan(start, length);
        if (length == 42 && run[0] == '0' && run[1] == 'x')
        {
            if (Eip55.TryNormalize(run, out var evm))
            {
                bare.Add(new Occurrence(segment, start, end, Chain.Evm, evm, ChainFromLink: false));
            }
        }
        else if (AddressValidator.IsSolanaAddress(run, out var solana))
        {
            bare.Add(new Occurrence(segment, start, end, Chain.Solana, solana, ChainFromLink: false));
        }
    }

    // Every friendly address starts with the same two characters for its flag and workchain bytes:
    // flag 0x11/0x51/0x91/0xD1 gives E/U/k/0, workchain 0x00/0xFF then gives Q/f.
    private static bool HasTonPrefix(ReadOnlySpan<char> text, int start) =>
        text[start] is 'E' or 'U' or 'k' or '0' && text[start + 1] is 'Q' or 'f';

    private static void TryFriendlyAt(string text, int start, int segment, bool urlSafe, ScratchList<Occurrence> found, List<TextRange> tonShaped, List<TextRange>? skip)
    {
        var alphabet = urlSafe ? CharClass.Base64Url : CharClass.Base64Standard;
        var end = start + TonAddress.FriendlyLength;
        var candidate = text.AsSpan(start, TonAddress.FriendlyLength);
        if (candidate.ContainsAnyExcept(alphabet)
            || (start > 0 && alphabet.Contains(text[start - 1]))
            || (end < text.Length && alphabet.Contains(text[end]))
            || !CharClass.IsBoundaryBefore(text, start)
            || !CharClass.IsBoundaryAt(text, end))
        {
            return; // not a whole 48-character run of this alphabet
        }

        // Its TON verdict matters only to bare matches overlapping it, and those overlap the URL too.
        if (InsideKnownUrl(skip, start, end))
        {
            return;
        }

        var verdict = TonAddress.CheckFriendly(candidate, urlSafe, out var canonical);
        if (verdict == TonAddress.Verdict.Valid)
        {
            found.Add(new Occurrence(segment, start, end, Chain.Ton, canonical, ChainFromLink: false));
        }

        if (verdict != TonAddress.Verdict.NotTon)
        {
            tonShaped.Add(new TextRange(start, end));
        }
    }

    /// <summary>TON raw addresses "0:hex64" / "-1:hex64", checked from their colon.</summary>
    private static void TryRawAt(string text, int colon, int segment, ScratchList<Occurrence> found, List<TextRange> tonShaped, List<TextRange>? skip)
    {
        int start;
        if (colon >= 1 && text[colon - 1] == '0')
        {
            start = colon - 1;
        }
        else if (colon >= 2 && text[colon - 1] == '1' && text[colon - 2] == '-')
        {
            start = colon - 2;
        }
        else
        {
            return;
        }

        if (!CharClass.IsBoundaryBefore(text, start) || (start > 0 && text[start - 1] is '-' or '_'))
        {
            return;
        }

        var end = colon + 1;
        while (end < text.Length && end - colon - 1 < 64 && CharClass.IsHex(text[end]))
        {
            end++;
        }

        if (end - colon - 1 != 64 || !CharClass.IsBoundaryAt(text, end) || InsideKnownUrl(skip, start, end))
        {
            return;
        }

        if (TonAddress.TryParseRaw(text.AsSpan(start, end - start), out var canonical))
        {
            found.Add(new Occurrence(segment, start, end, Chain.Ton, canonical, ChainFromLink: false));
            tonShaped.Add(new TextRange(start, end));
        }
    }
}
