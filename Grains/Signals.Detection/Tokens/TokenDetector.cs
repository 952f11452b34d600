using Signals.Detection.Scanning;

namespace Signals.Detection;

/// <summary>
/// Finds token references in a post: Solana mints, EVM contracts (EIP-55 checked), TON addresses, in the text and
/// in the post's hidden links. Immutable after construction, so one instance serves all threads.
/// Linear in the length of the input; no regular expressions.
/// </summary>
public sealed class TokenDetector
{
    private readonly QuoteTokenSet _quotes;

    public TokenDetector(DetectorOptions? options = null)
    {
        Options = options ?? DetectorOptions.Default;
        _quotes = new QuoteTokenSet(Options.QuoteTokens ?? []);
    }

    public static TokenDetector Default { get; } = new();

    public DetectorOptions Options { get; }

    /// <param name="text">The post text (message or caption).</param>
    /// <param name="links">URLs of the post's hidden text-link entities, in entity order.</param>
    /// <returns>Each token once, in order of first appearance (text first, then links); quote tokens left out.</returns>
    public IReadOnlyList<DetectedToken> Detect(string text, IReadOnlyList<string>? links = null)
    {
        if (string.IsNullOrEmpty(text) && (links is null || links.Count == 0))
        {
            return [];
        }

        return PostScan.Run(text ?? string.Empty, links, _quotes);
    }
}
