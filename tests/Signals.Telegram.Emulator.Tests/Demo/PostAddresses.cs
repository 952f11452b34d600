using System.Text.RegularExpressions;
using Signals.Telegram.Emulator.Demo;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests.Demo;

/// <summary>A plain, independent reading of which addresses a post names (text and hidden links).</summary>
internal static partial class PostAddresses
{
    public static IEnumerable<string> In(ChannelPost post) =>
        new[] { post.Text }.Concat(post.Links).SelectMany(Find).Distinct();

    public static bool IsValid(string address) =>
        address.StartsWith("0x", StringComparison.Ordinal)
            ? EvmPattern().IsMatch(address)
            : Base58.Decode(address)?.Length == 32;

    private static IEnumerable<string> Find(string text) =>
        SolanaPattern().Matches(text).Select(m => m.Value).Where(IsValid)
            .Concat(EvmPattern().Matches(text).Select(m => m.Value));

    [GeneratedRegex("(?<![1-9A-HJ-NP-Za-km-z])[1-9A-HJ-NP-Za-km-z]{32,44}(?![1-9A-HJ-NP-Za-km-z])")]
    private static partial Regex SolanaPattern();

    [GeneratedRegex("0x[0-9a-f]{40}(?![0-9a-fA-F])")]
    private static partial Regex EvmPattern();
}
