using System.Text;

namespace Signals.Detection.Tests.Support;

/// <summary>Seeded generators for property tests: surrounding text that never glues itself to an address.</summary>
public sealed class RandomText(int seed)
{
    private static readonly string[] Words =
    [
        "gm", "CA:", "ape", "🚀", "🔥🔥", "LP burned", "Новый", "колл", "中文", "合约", "$PEPE", "100x", "(", ")", "—", "…",
        "https://t.me/x", "0x", "pump", "mint", "🇺🇸", "ok.", "!!", "\n", "\t", "e.g.", "#1", "@chan", "♦", "«»",
    ];

    private static readonly string[] Separators = [" ", "\n", " \n", ": ", " (", ") ", ", ", " 👉 ", "\u00A0", " — "];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    public string Prose(int maxWords)
    {
        var builder = new StringBuilder();
        var count = _random.Next(maxWords + 1);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Words[_random.Next(Words.Length)]).Append(' ');
        }

        return builder.ToString();
    }

    /// <summary>Puts <paramref name="needle"/> among random prose with separators on both sides.</summary>
    public string Surround(string needle) =>
        Prose(12) + Separators[_random.Next(Separators.Length)] + needle + Separators[_random.Next(Separators.Length)] + Prose(12);

    /// <summary>Any UTF-16 text, including lone surrogates, controls and astral characters.</summary>
    public string AnyUnicode(int maxLength)
    {
        var length = _random.Next(maxLength + 1);
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            switch (_random.Next(4))
            {
                case 0:
                    builder.Append((char)_random.Next(0, 0x10000)); // may be a lone surrogate
                    break;
                case 1:
                    builder.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000) is var cp && cp is >= 0xD800 and <= 0xDFFF ? 0x1F680 : cp));
                    break;
                case 2:
                    builder.Append((char)_random.Next(0x20, 0x7F));
                    break;
                default:
                    builder.Append(Words[_random.Next(Words.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }
}
