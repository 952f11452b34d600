using System.Diagnostics;
using System.Numerics;
using System.Reflection;
using System.Text.Json.Nodes;
using Signals.Telegram.Mtproto.Tests.Support;

namespace Signals.Telegram.Mtproto.Tests.Client;

/// <summary>
/// GramJS, a client nobody here wrote, logs onto our emulator server over TCP: key exchange under our RSA key,
/// invokeWithLayer(initConnection(help.getConfig)), help.getConfig and ping (tests/gramjs/gramjs-client.js).
/// Needs node and `npm ci` in tests/gramjs; it fails (never skips) without them.
/// </summary>
public sealed class GramJsClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task GramJs_creates_an_auth_key_and_accepts_the_config()
    {
        await using var emulator = new EmulatorFixture();
        var key = emulator.Server.PublicKey;

        var (exitCode, stdout, stderr) = await RunNodeAsync(
            "gramjs-client.js", emulator.Port.ToString(), key.Modulus.ToString(), key.Fingerprint.ToString());

        Assert.True(exitCode == 0, $"gramjs-client.js failed ({exitCode}): {stderr}");
        var line = stdout.Split('\n').Last(l => l.StartsWith('{'));
        var result = JsonNode.Parse(line)!.AsObject();
        Assert.Equal("Config", (string?)result["className"]);
        Assert.Equal(2, (int)result["thisDc"]!);
        var option = Assert.Single(result["dcOptions"]!.AsArray())!;
        Assert.Equal(("127.0.0.1", emulator.Port), ((string)option["ip"]!, (int)option["port"]!));
        Assert.Equal("4242", (string?)result["pingId"]);
        // GramJS prints auth_key_id unsigned; ours is the signed TL long of the same 64 bits.
        var authKeyId = unchecked((long)(ulong)(BigInteger.Parse((string)result["authKeyId"]!) & ulong.MaxValue));
        Assert.True(emulator.World.IsAuthKeyUsable(authKeyId));
        // A second key only when GramJS's own unpadded g_ab made it retry the exchange (see gramjs-client.js).
        Assert.InRange(emulator.Server.AuthKeysCreated, 1, 2);
        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = HarnessDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', args)} did not finish within {Timeout}: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string HarnessDirectory()
    {
        var recorded = typeof(GramJsClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GramJsHarnessDirectory")?.Value;
        if (recorded is not null && Directory.Exists(Path.Combine(recorded, "node_modules", "telegram")))
        {
            return recorded;
        }

        throw new InvalidOperationException($"GramJS is not installed: run `npm ci` in {recorded ?? "tests/gramjs"}.");
    }
}
