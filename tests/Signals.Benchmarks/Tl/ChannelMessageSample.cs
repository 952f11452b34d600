using Signals.Telegram.Tl;

namespace Signals.Benchmarks.Tl;

/// <summary>
/// A typical call post in a channel (text, three entities, view/forward counters, an edit date).
/// tests/gramjs/tl-oracle.js --bench builds the same message for the GramJS figure; keep the two in step.
/// </summary>
internal static class ChannelMessageSample
{
    public const string Text =
        "🚀 NEW CALL 🚀\n$PEPE on Ethereum\nCA: 0x6982508145454ce325ddbe47a25d4ec3d2311933\n" +
        "Chart: https://dexscreener.com/ethereum/0x6982508145454ce325ddbe47a25d4ec3d2311933\nMC 120k, LP locked, NFA DYOR";

    public static Message Create() => new()
    {
        Post = true,
        Id = 48213,
        PeerId = new PeerChannel { ChannelId = 1987654321 },
        Date = 1_764_000_000,
        MessageValue = Text,
        Entities =
        [
            new MessageEntityBold { Offset = 0, Length = 16 },
            new MessageEntityCode { Offset = 40, Length = 42 },
            new MessageEntityUrl { Offset = 90, Length = 77 },
        ],
        Views = 1520,
        Forwards = 37,
        EditDate = 1_764_000_060,
        PostAuthor = "caller",
    };
}
