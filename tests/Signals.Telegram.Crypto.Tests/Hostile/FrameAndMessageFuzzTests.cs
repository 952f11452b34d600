using System.Buffers;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Telegram.Crypto.Tests.Hostile;

/// <summary>
/// Mutated frames carrying encrypted messages go through the transport decoders and message decryption. Each must
/// end in a frame, a wait for more bytes, a <see cref="TransportException"/> or a refused decryption — never another
/// exception, and never memory sized by the attacker. Longer campaign: set SIGNALS_FUZZ_ITERATIONS (e.g. 10000000).
/// </summary>
public sealed class FrameAndMessageFuzzTests
{
    private const int MaxPayload = 64 * 1024;

    [Fact]
    public void Hundred_thousand_mutated_frames_only_produce_typed_outcomes()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("SIGNALS_FUZZ_ITERATIONS"), out var n) ? n : 100_000;
        var random = new Random(5001);
        var key = new AuthKey(Enumerable.Range(0, 256).Select(i => (byte)(i ^ 0x5A)).ToArray());
        var seeds = Enumerable.Range(0, 32).Select(i => MessageCipher.Encrypt(key, MessageDirection.ServerToClient,
            new MessageHeader(i, 77, (i << 2) | 1, i * 2), new byte[4 * random.Next(1, 200)], extraPaddingBlocks: random.Next(0, 4))).ToList();
        var kinds = new[] { TransportKind.Abridged, TransportKind.Intermediate, TransportKind.Full };
        var plaintext = new byte[MaxPayload];
        var outcomes = new Dictionary<string, int>();

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            var kind = kinds[i % kinds.Length];
            var role = i % 2 == 0 ? TransportRole.Client : TransportRole.Server;
            var frame = TransportCodec.Create(kind, role == TransportRole.Client ? TransportRole.Server : TransportRole.Client, MaxPayload)
                .EncodeFrame(seeds[random.Next(seeds.Count)]);
            Mutate(frame, random, out var mutated);
            var outcome = Feed(TransportCodec.Create(kind, role, MaxPayload), mutated, key, role, plaintext);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var allocatedPerFrame = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Math.Max(1, iterations);
        // Frames and exceptions cost a few KB; honouring one attacker length (up to 16 MB here) would dwarf that.
        Assert.True(allocatedPerFrame < 16 * 1024, $"{allocatedPerFrame} bytes allocated per frame");
        Assert.True(outcomes.Keys.Count(k => k.StartsWith("transport:", StringComparison.Ordinal)) >= 4, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("decrypt:Success") > 0, "unmutated frames must still decrypt");
    }

    private static string Feed(TransportCodec codec, byte[] bytes, AuthKey key, TransportRole role, byte[] plaintext)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        try
        {
            if (!codec.TryReadFrame(ref buffer, out var frame))
            {
                return "incomplete";
            }

            Assert.True(frame.Payload.Length <= MaxPayload);
            if (frame.Kind != TransportFrameKind.Payload)
            {
                return frame.Kind.ToString();
            }

            var payload = frame.Payload.IsSingleSegment ? frame.Payload.FirstSpan : frame.Payload.ToArray();
            var direction = role == TransportRole.Client ? MessageDirection.ServerToClient : MessageDirection.ClientToServer;
            return "decrypt:" + MessageCipher.TryDecrypt(key, direction, payload, plaintext, out _);
        }
        catch (TransportException e)
        {
            return "transport:" + e.Failure;
        }
    }

    private static void Mutate(byte[] frame, Random random, out byte[] mutated)
    {
        mutated = frame;
        switch (random.Next(7))
        {
            case 0:
                return; // some frames stay intact
            case 1:
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
                }

                return;
            case 2:
                mutated = frame[..random.Next(frame.Length)];
                return;
            case 3:
                random.NextBytes(mutated.AsSpan(0, Math.Min(4, mutated.Length)));
                return;
            case 4:
                mutated = [.. frame, .. Enumerable.Repeat((byte)random.Next(256), random.Next(1, 64))];
                return;
            case 5:
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                mutated[0] = (byte)(random.Next(2) == 0 ? 0x7F : 0xFF);
                return;
            default:
                random.NextBytes(mutated);
                return;
        }
    }
}
