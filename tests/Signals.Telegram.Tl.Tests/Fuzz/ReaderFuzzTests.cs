using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;
using Signals.Telegram.Tl.Tests.Support;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Fuzz;

/// <summary>
/// Mutated serialisations of every generated combinator through TlRegistry.ReadObject: the only acceptable
/// failure is TlReadException. For a longer campaign set TL_FUZZ_ITERATIONS (and TL_FUZZ_SEED) and run this test.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int DefaultIterations = 100_000;

    [Fact]
    public void Mutated_objects_fail_only_with_TlReadException()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("TL_FUZZ_ITERATIONS"), out var n) ? n : DefaultIterations;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TL_FUZZ_SEED"), out var s) ? s : 1998;
        var corpus = BuildCorpus(seed);
        var random = new Random(seed);
        var unexpected = new List<string>();
        var rejected = 0;

        for (var i = 0; i < iterations && unexpected.Count < 5; i++)
        {
            var input = Mutate(corpus[random.Next(corpus.Count)], random);
            try
            {
                TlRegistry.ReadObject(input);
            }
            catch (TlReadException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                unexpected.Add($"{ex.GetType().Name}: {ex.Message} on {Hex.Of(input.AsSpan(0, Math.Min(input.Length, 64)))}");
            }
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        Assert.True(rejected > iterations / 10, $"only {rejected} of {iterations} mutations were rejected: the mutator is too gentle");
    }

    private static List<byte[]> BuildCorpus(int seed)
    {
        var model = SchemaFixture.Model;
        var random = new RandomTlObjects(model, seed);
        var corpus = model.Generated.Select(c => random.Build(c).Value.ToBytes()).ToList();
        corpus.Add(GzipPacked.Pack(new Updates.State { Pts = 1 }).ToBytes());
        corpus.Add(new MsgContainer { Messages = [new ContainerMessage(4, 1, new InputPeerSelf().ToBytes())] }.ToBytes());
        corpus.Add(RpcResult.For(8, new InputPeerSelf()).ToBytes());
        return corpus;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4:
                    // A large length or count where a length or count may be.
                    Overwrite(bytes, at, BitConverter.GetBytes(random.Next(2) == 0 ? int.MaxValue : random.Next(-5, 100_000)));
                    break;
                case 5:
                    Overwrite(bytes, at, [0xfe, 0xff, 0xff, 0xff]); // a 16 MiB byte string header
                    break;
                default:
                    Overwrite(bytes, at & ~3, BitConverter.GetBytes(TlConstructors.Vector));
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static void Overwrite(List<byte> bytes, int at, byte[] value)
    {
        for (var i = 0; i < value.Length && at + i < bytes.Count; i++)
        {
            bytes[at + i] = value[i];
        }
    }
}
