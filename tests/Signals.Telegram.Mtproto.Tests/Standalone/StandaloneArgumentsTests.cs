using System.Net;
using Signals.Telegram.Emulator.Server.Standalone;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>The console program's argument handling, run in-process: bad arguments are exit code 2 with a usage line.</summary>
public sealed class StandaloneArgumentsTests
{
    [Theory]
    [InlineData("--bogus")]
    [InlineData("--admin", "127.0.0.1:0")]
    [InlineData("--listen", "127.0.0.1")]
    [InlineData("--listen", "nowhere:80")]
    [InlineData("--listen", "127.0.0.1:99999")]
    [InlineData("--listen", "127.0.0.1:0", "--admin", "0.0.0.0:0")]
    [InlineData("--listen", "127.0.0.1:0", "--admin", "192.168.1.10:8080")]
    [InlineData("--listen", "127.0.0.1:0", "--private-key", "/no/such/key.pem")]
    [InlineData("--listen", "127.0.0.1:0", "--ready-file")]
    public async Task Bad_arguments_exit_2_with_the_error_and_usage_on_stderr(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(StandaloneProgram.BadArguments, code);
        Assert.Contains("error:", stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Non_loopback_admin_names_the_loopback_rule()
    {
        var (_, _, stderr) = await RunAsync(["--listen", "127.0.0.1:0", "--admin", "0.0.0.0:0"]);

        Assert.Contains("loopback", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_flag_and_exits_0()
    {
        var (code, stdout, _) = await RunAsync(["--help"]);

        Assert.Equal(StandaloneProgram.Ok, code);
        Assert.All(["--listen", "--admin", "--public-key-out", "--private-key", "--demo", "--ready-file"], flag => Assert.Contains(flag, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_taken_port_is_a_start_failure_not_an_argument_error()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, stderr) = await RunAsync(["--listen", $"127.0.0.1:{port}"]);

        Assert.Equal(StandaloneProgram.StartFailed, code);
        Assert.Contains("could not start", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_refuses_a_non_loopback_admin_endpoint_too()
    {
        var options = new StandaloneOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Admin = new IPEndPoint(IPAddress.Any, 0) };

        Assert.Throws<ArgumentException>(() => new StandaloneEmulator(options));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await StandaloneProgram.RunAsync(args, stdout, stderr, loggerFactory: null, stop.Token);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
