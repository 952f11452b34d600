using System.Buffers.Binary;
using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;

namespace Signals.Telegram.Mtproto.Tests.Fuzz;

/// <summary>
/// TL-aware byte mutations: bit flips, overwritten bytes, truncation, inserted junk, length and count lies at word
/// boundaries (int.MaxValue, a 16 MiB bytes header, a vector constructor followed by a huge count), and wrapping
/// in the service envelopes a server or client unwraps (msg_container, rpc_result, gzip_packed, nested).
/// Compressing is slow next to decoding, so gzip envelopes are built once by <see cref="Corpus"/>, not per mutation.
/// </summary>
internal static class Mutator
{
    /// <summary>The seeds plus, for each, random envelopes 1-5 deep and piles of one envelope 8-80 deep.</summary>
    public static List<byte[]> Corpus(IReadOnlyList<byte[]> seeds, Random random)
    {
        var corpus = new List<byte[]>(seeds);
        foreach (var seed in seeds)
        {
            for (var i = 0; i < 4; i++)
            {
                corpus.Add(Wrap(seed, random, depth: random.Next(1, 6)));
            }

            corpus.Add(Pile(seed, TlConstructors.GzipPacked, random.Next(8, 40)));
            corpus.Add(Pile(seed, MsgContainer.ConstructorId, random.Next(8, 80)));
        }

        return corpus;
    }

    public static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            var word = at & ~3;
            switch (random.Next(11))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(word, bytes.Count - word);
                    break;
                case 3:
                    bytes.InsertRange(word, Junk(random, 4 * random.Next(1, 5)));
                    break;
                case 4:
                    Overwrite(bytes, word, Int(random.Next(4) switch
                    {
                        0 => int.MaxValue,
                        1 => int.MinValue,
                        2 => -1,
                        _ => random.Next(0, 1 << 20),
                    }));
                    break;
                case 5:
                    Overwrite(bytes, word, [0xfe, 0xff, 0xff, 0xff]);
                    break;
                case 6:
                    Overwrite(bytes, word, [.. Int(unchecked((int)TlConstructors.Vector)), .. Int(random.Next(2) == 0 ? int.MaxValue : 1 << 24)]);
                    break;
                case 7:
                    // A container header around what follows, its length honest or not.
                    bytes.InsertRange(0, [.. Int(unchecked((int)MsgContainer.ConstructorId)), .. Int(1), .. BitConverter.GetBytes(random.NextInt64() & ~3L),
                        .. Int(random.Next(4)), .. Int(random.Next(2) == 0 ? bytes.Count : random.Next(-8, 1 << 16))]);
                    break;
                case 8:
                    bytes.InsertRange(0, [.. Int(unchecked((int)RpcResult.ConstructorId)), .. BitConverter.GetBytes(random.NextInt64())]);
                    break;
                default:
                    bytes.Reverse(word, Math.Min(4, bytes.Count - word));
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Wraps a body in random envelopes, <paramref name="depth"/> deep.</summary>
    public static byte[] Wrap(byte[] body, Random random, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            body = random.Next(3) switch
            {
                0 => Gzip(body),
                1 => Container(body, random.NextInt64() & ~3L, random.Next(4)),
                _ => [.. Int(unchecked((int)RpcResult.ConstructorId)), .. BitConverter.GetBytes(random.NextInt64()), .. body],
            };
        }

        return body;
    }

    public static byte[] Gzip(byte[] body) => new GzipPacked { PackedData = TlGzip.Deflate(body) }.ToBytes();

    public static byte[] Container(byte[] body, long msgId, int seqNo) =>
        new MsgContainer { Messages = [new ContainerMessage(msgId, seqNo, Align(body))] }.ToBytes();

    /// <summary>Pads to whole words (TL bodies are), so a mutation is judged on its content, not its alignment.</summary>
    public static byte[] Align(byte[] body) => body.Length % 4 == 0 ? body : [.. body, .. new byte[4 - (body.Length % 4)]];

    /// <summary>A deep pile of one envelope: what a decoder recursing without a limit would choke on.</summary>
    private static byte[] Pile(byte[] body, uint constructor, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            body = constructor == TlConstructors.GzipPacked ? Gzip(body) : Container(body, (i + 1L) << 2, 1);
        }

        return body;
    }

    private static byte[] Int(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Junk(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Overwrite(List<byte> bytes, int at, byte[] value)
    {
        for (var i = 0; i < value.Length && at + i < bytes.Count; i++)
        {
            bytes[at + i] = value[i];
        }
    }
}
