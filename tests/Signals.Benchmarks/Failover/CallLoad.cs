using System.Numerics;
using Signals.Testing.Processes;

namespace Signals.Benchmarks.Failover;

/// <summary>
/// Steady load during the failover rounds: a new token called in every channel, one post at a time, through the
/// emulator's admin API. Every token must become exactly one alert in the destination chat.
/// </summary>
public sealed class CallLoad(EmulatorAdmin admin, IReadOnlyList<string> channels, TimeSpan postInterval)
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private readonly List<string> _tokens = [];

    public IReadOnlyList<string> Tokens
    {
        get
        {
            lock (_tokens)
            {
                return _tokens.ToList();
            }
        }
    }

    public int PostsFailed { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        for (var seed = 1; !ct.IsCancellationRequested; seed++)
        {
            var address = Address(90_000 + seed);
            lock (_tokens)
            {
                _tokens.Add(address);
            }

            foreach (var channel in channels)
            {
                try
                {
                    await admin.PostAsync(channel, $"🚀 $LOAD{seed}\nCA: {address}\nDYOR", CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                    PostsFailed++;
                }

                try
                {
                    await Task.Delay(postInterval, ct);
                }
                catch (OperationCanceledException)
                {
                    // Finish this token's channels so that every token started is a complete call.
                }
            }
        }
    }

    private static string Address(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        bytes[0] |= 0x80;
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (value > 0)
        {
            chars.Add(Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        chars.Reverse();
        return new string(chars.ToArray());
    }
}
