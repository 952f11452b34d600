using System.Net;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Server.Standalone;
using Signals.Telegram.Mtproto.Sender;
using HelpGetNearestDc = Signals.Telegram.Tl.Help.GetNearestDc;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>The built emulator run as a real process, the way a cluster test harness runs it.</summary>
public sealed class StandaloneProcessTests
{
    // A process start on a loaded 2-core machine (JIT, RSA key generation) can take a while.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Bad_arguments_exit_with_code_2_and_usage()
    {
        using var process = EmulatorProcess.Start("--listen", "127.0.0.1:0", "--admin", "10.1.2.3:0");

        var code = await process.WaitForExitAsync(Timeout);

        Assert.Equal(2, code);
        Assert.Contains("loopback", process.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_on_port_0_writes_the_ready_file_serves_MTProto_and_admin_and_stops_on_SIGTERM()
    {
        var directory = Directory.CreateTempSubdirectory("signals-emulator-");
        try
        {
            var readyFile = Path.Combine(directory.FullName, "ready.json");
            var keyFile = Path.Combine(directory.FullName, "server.pem");
            using var process = EmulatorProcess.Start(
                "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--ready-file", readyFile, "--public-key-out", keyFile);
            var ready = await WaitForReadyFileAsync(readyFile, process);
            using var admin = new AdminHttp(new Uri(ready.Admin!));

            var health = await admin.GetAsync("/health");
            var key = RsaPublicKey.FromPem(await File.ReadAllTextAsync(keyFile));
            var mtproto = IPEndPoint.Parse(ready.Mtproto);
            await using (var sender = new MtprotoSender(
                new MtprotoSenderOptions { Host = mtproto.Address.ToString(), Port = mtproto.Port, ServerKeys = [key] }, new InMemorySessionStore()))
            {
                await sender.ConnectAsync().WaitAsync(Timeout);
                await sender.InvokeAsync(new HelpGetNearestDc()).WaitAsync(Timeout);
            }

            (await admin.PostAsync("/users", new { phone = "+1 202 555 0177", name = "Secret Phone" })).AssertStatus(HttpStatusCode.Created);
            (await admin.GetAsync("/users/12025550177")).AssertStatus(HttpStatusCode.OK);
            (await admin.PostAsync("/channels", new { username = "proc_calls", title = "Process Calls" })).AssertStatus(HttpStatusCode.Created);
            (await admin.PostAsync("/channels/proc_calls/posts", new { text = "call from outside" })).AssertStatus(HttpStatusCode.Created);
            var posts = (await admin.GetAsync("/channels/proc_calls/posts")).AssertStatus(HttpStatusCode.OK);
            var counters = (await admin.GetAsync("/counters")).AssertStatus(HttpStatusCode.OK);
            await process.TerminateAsync();
            var code = await process.WaitForExitAsync(Timeout);

            Assert.Equal(HttpStatusCode.OK, health.Status);
            Assert.Equal(key.Fingerprint.ToString(System.Globalization.CultureInfo.InvariantCulture), ready.Fingerprint);
            Assert.NotEqual(0, mtproto.Port);
            Assert.Equal(["call from outside"], posts.Body.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
            Assert.Equal(1, counters["server"].GetProperty("authKeysCreated").GetInt64());
            Assert.Equal(0, code);
            Assert.Contains($"listening {ready.Mtproto}", process.Stdout, StringComparison.Ordinal);
            // Phones are admin data, never log data, even though the admin paths carried one.
            Assert.DoesNotContain("2025550177", process.Stdout + process.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<ReadyFileContent> WaitForReadyFileAsync(string path, EmulatorProcess process)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no ready file; stderr: {process.Stderr}");
            await Task.Delay(50);
        }

        return ReadyFileContent.FromJson(await File.ReadAllTextAsync(path))!;
    }
}
