using System.Diagnostics;
using System.Globalization;
using System.Net;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;

namespace Signals.Benchmarks.Mtproto;

/// <summary>
/// `--handshake-gramjs [RUNS]`: starts our MtprotoServer on a loopback port and lets GramJS log in RUNS times
/// (tests/gramjs/handshake-bench.js, run from that directory after `npm ci`), printing GramJS's JSON line.
/// </summary>
internal static class HandshakeGramJsRun
{
    public static async Task<int> RunAsync(int runs, string gramJsDirectory)
    {
        await using var server = new MtprotoServer(new TelegramWorld());
        server.Start(new IPEndPoint(IPAddress.Loopback, 0));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = gramJsDirectory,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "handshake-bench.js",
            server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture),
            server.PublicKey.Modulus.ToString(CultureInfo.InvariantCulture),
            server.PublicKey.Fingerprint.ToString(CultureInfo.InvariantCulture),
            runs.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        await node.WaitForExitAsync();
        Console.WriteLine($"server: {server.AuthKeysCreated} auth keys created");
        return node.ExitCode;
    }
}
