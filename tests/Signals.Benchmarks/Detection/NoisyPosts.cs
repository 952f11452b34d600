using System.Text;
using System.Text.Json;

namespace Signals.Benchmarks.Detection;

/// <summary>
/// Long noisy posts, generated from a fixed seed: Telegram-sized (about 4,000 characters) mixes of prose, emoji,
/// Cyrillic, near-miss base58 runs of every length, hex, URLs and cashtags, with one real mint in each; plus one
/// 1 MB post of base58 letters. The same bytes are written for the Python comparison.
/// </summary>
public static class NoisyPosts
{
    public const int Count = 200;
    public const int TargetLength = 4000;
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly string[] Words =
    [
        "gm", "frens", "ape", "in", "🚀", "🔥🔥", "LP", "burned", "mint", "revoked", "Новый", "колл", "中文", "$PEPE", "100x",
        "CA:", "chart", "https://t.me/calls/123", "https://example.com/a/b?c=d", "0xdeadbeef", "(", ")", "—", "💎", "\n",
        "https://dexscreener.com/solana", "not", "financial", "advice", "DYOR", "#memecoin", "@somebody",
    ];

    public static string[] Generate() => GenerateWithPlanted().Select(p => p.Text).ToArray();

    /// <summary>The posts with the mint planted in each (other valid-by-chance keys may occur in the noise).</summary>
    public static IReadOnlyList<(string Text, string Planted)> GenerateWithPlanted()
    {
        var random = new Random(20261126);
        var posts = new List<(string, string)>(Count);
        for (var p = 0; p < Count; p++)
        {
            var text = new StringBuilder(TargetLength + 100);
            var realAt = random.Next(TargetLength);
            var placed = false;
            var planted = string.Empty;
            while (text.Length < TargetLength)
            {
                if (!placed && text.Length >= realAt)
                {
                    planted = RealMint(random);
                    text.Append("CA: ").Append(planted).Append(' ');
                    placed = true;
                }

                switch (random.Next(5))
                {
                    case 0:
                        // near-miss run: base58 of a random length, usually not exactly a 32-byte key
                        var length = random.Next(8, 90);
                        for (var k = 0; k < length; k++)
                        {
                            text.Append(Base58[random.Next(Base58.Length)]);
                        }

                        text.Append(' ');
                        break;
                    default:
                        text.Append(Words[random.Next(Words.Length)]).Append(' ');
                        break;
                }
            }

            if (!placed)
            {
                planted = RealMint(random);
                text.Append("CA: ").Append(planted);
            }

            posts.Add((text.ToString(), planted));
        }

        return posts;
    }

    public static string OneMegabyteOfBase58()
    {
        var random = new Random(1);
        var chars = new char[1 << 20];
        for (var k = 0; k < chars.Length; k++)
        {
            chars[k] = Base58[random.Next(Base58.Length)];
        }

        return new string(chars);
    }

    public static async Task WriteJsonLinesAsync(string path)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var posts = GenerateWithPlanted();
        for (var p = 0; p < posts.Count; p++)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(new { id = $"noisy-{p}", text = posts[p].Text, planted = posts[p].Planted }));
        }

        await writer.WriteLineAsync(JsonSerializer.Serialize(new { id = "base58-1mb", text = OneMegabyteOfBase58() }));
    }

    private static string RealMint(Random random)
    {
        while (true)
        {
            var key = new byte[32];
            random.NextBytes(key);
            var value = new System.Numerics.BigInteger(key, isUnsigned: true, isBigEndian: true);
            var digits = new StringBuilder();
            while (value > 0)
            {
                digits.Insert(0, Base58[(int)(value % 58)]);
                value /= 58;
            }

            if (key[0] != 0)
            {
                return digits.ToString();
            }
        }
    }
}
