namespace Signals.Detection.Scanning;

/// <summary>Finds "$TICKER" labels: a letter, then letters, digits or '_', at most 16 in all.</summary>
internal static class CashtagScanner
{
    /// <summary>The longest ticker, without its '$'.</summary>
    public const int MaxTickerLength = 16;

    // Symbols of the chains' own coins and stablecoins: "$SOL looking strong" beside a mint is not the mint's name.
    private static readonly HashSet<string> NotLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "SOL", "WSOL", "ETH", "WETH", "BNB", "WBNB", "USDC", "USDT", "TON", "BTC", "AVAX", "MATIC", "POL",
    };

    // Looked up by span, so a ticker costs no string unless it labels a token.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotLabelsBySpan =
        NotLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    // Most tickers are longer or shorter than every symbol above: their length answers without a case-blind hash.
    private static readonly int ShortestNotLabel = NotLabels.Min(s => s.Length);
    private static readonly int LongestNotLabel = NotLabels.Max(s => s.Length);

    /// <param name="found">Cleared, then filled in text order.</param>
    public static void Scan(string text, List<Cashtag> found)
    {
        found.Clear();
        ScanRange(text, 0, text.Length, found);
    }

    /// <summary>Appends the cashtags whose '$' lies in [<paramref name="from"/>, <paramref name="to"/>), in text order.</summary>
    /// <returns>Where the last one found ends (or <paramref name="from"/>): a later range should start no earlier.</returns>
    public static int ScanRange(string text, int from, int to, List<Cashtag> found)
    {
        var resume = from;
        var dollar = NextDollar(text, from, to);
        while (dollar >= 0)
        {
            var end = dollar + 1;
            if ((dollar == 0 || !CharClass.IsAsciiAlnum(text[dollar - 1])) && end < text.Length && char.IsAsciiLetter(text[end]))
            {
                while (end < text.Length && (CharClass.IsAsciiAlnum(text[end]) || text[end] == '_') && end - dollar - 1 < MaxTickerLength + 1)
                {
                    end++;
                }

                var length = end - dollar - 1;
                if (length <= MaxTickerLength && CharClass.IsBoundaryAt(text, end) && !IsNotLabel(text.AsSpan(dollar + 1, length)))
                {
                    found.Add(new Cashtag(dollar, end));
                }
            }

            resume = end;
            dollar = NextDollar(text, end, to);
        }

        return resume;
    }

    /// <summary>The next '$' in [<paramref name="from"/>, <paramref name="to"/>), or -1.</summary>
    private static int NextDollar(string text, int from, int to)
    {
        if (from >= to)
        {
            return -1;
        }

        var dollar = ShortSearch.IndexOf(text, from, to, '$');
        return dollar < to ? dollar : -1;
    }

    private static bool IsNotLabel(ReadOnlySpan<char> ticker) =>
        ticker.Length >= ShortestNotLabel && ticker.Length <= LongestNotLabel && NotLabelsBySpan.Contains(ticker);
}
