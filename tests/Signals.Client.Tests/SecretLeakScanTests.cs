using System.Diagnostics;
using System.Text;
using Signals.Client.Tests.Support;
using Signals.Testing;
using Signals.Testing.Cluster;

namespace Signals.Client.Tests;

/// <summary>
/// A whole run — logins with code and 2FA, channels, a delivered alert, every read command of the CLI — with its silo
/// logs, trace spans and CLI output captured, then searched for the secrets that went through it.
/// </summary>
public sealed class SecretLeakScanTests : IAsyncLifetime
{
    private RedisServer? _redis;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task No_phone_number_login_code_password_hint_or_key_appears_in_logs_traces_or_cli_output()
    {
        var spans = new StringBuilder();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Append(a.DisplayName).Append(' ');
                    foreach (var tag in a.TagObjects)
                    {
                        spans.Append(tag.Key).Append('=').Append(tag.Value).Append(' ');
                    }

                    spans.AppendLine();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using var cluster = await SignalsTestCluster.StartAsync(_redis!, silos: 2);
        var setup = await cluster.SeedAsync(channels: 3, prefix: "leak");
        var codes = new List<string>();
        const string phone = "+99966100123";
        const string password = "c0rrect-h0rse-battery";
        const string hint = "the stable one";
        cluster.World.AddUser(phone, "Guarded", null, password, hint);
        var io = new TestConsoleIO(stdin: password + "\n", secrets: prompt =>
        {
            var code = cluster.World.PeekLoginCode(phone);
            if (code is not null)
            {
                codes.Add(code);
            }

            return code;
        });
        var gateway = new[] { "--gateway", cluster.GatewayPort.ToString(), "--cluster-id", cluster.ClusterId, "--service-id", cluster.ServiceId };
        var outputs = new StringBuilder();
        var login = await CliRun.RunAsync(io, ["sessions", "login", "guarded", "--phone", phone, "--password-stdin", "--role", "notifier", .. gateway]);
        Assert.Equal(0, login.ExitCode);
        outputs.AppendLine(login.All);

        var address = TestAddresses.Solana(77);
        foreach (var channel in setup.ChannelIds)
        {
            cluster.World.Post(channel, $"CA: {address}");
        }

        await Eventually.MatchAsync(() => Task.FromResult(cluster.World.MessagesIn(setup.DestinationId).Count), n => n == 1, "the alert was delivered");
        foreach (var args in new[]
        {
            new[] { "status" }, ["sessions", "list"], ["sessions", "show", "guarded"], ["sessions", "show", "reader", "--json"],
            ["channels", "list", "--json"], ["destinations", "list"], ["alerts", "list", "--json"], ["tokens", "show", $"solana:{address}"],
            ["tail", "--recent", "50", "--timeout", "1s"], ["sessions", "login", "other", "--phone", "+99966100124", "--code", "12345"],
        })
        {
            var run = await CliRun.RunAsync(new TestConsoleIO(), [.. args, .. gateway]);
            outputs.AppendLine(run.All);
        }

        foreach (var user in new[] { setup.Plan.ReaderPhone, setup.Plan.NotifierPhone })
        {
            var code = cluster.World.PeekLoginCode(user);
            if (code is not null)
            {
                codes.Add(code);
            }
        }

        string traced;
        lock (spans)
        {
            // Silo activities keep stopping on other threads while the test reads: copy under the writers' lock.
            traced = spans.ToString();
        }

        var haystacks = new Dictionary<string, string>
        {
            ["silo logs"] = string.Join('\n', cluster.Logs),
            ["trace spans"] = traced,
            ["CLI output"] = outputs.ToString(),
        };
        Assert.True(cluster.Logs.Count > 20, "the silo logs were captured");
        var secrets = new Dictionary<string, string>
        {
            ["the 2FA password"] = password,
            ["the 2FA hint"] = hint,
            ["the secrets-at-rest key"] = TestSecrets.Key,
        };
        foreach (var number in new[] { phone, "+99966100124", setup.Plan.ReaderPhone, setup.Plan.NotifierPhone })
        {
            var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
            secrets[$"phone {number[..6]}…"] = digits[^8..];
        }

        foreach (var code in codes.Distinct().Where(c => c.Length >= 5))
        {
            // A login code is 5 digits: look for it as a word, not inside longer numbers such as ids and timestamps.
            secrets[$"login code {code[..1]}…"] = code;
        }

        // The sessions' auth keys (the MTProto client names its connections after the session, so the emulator knows
        // them by name) and the application's api_hash, in the forms a careless log line would show them.
        var keys = new[] { setup.Plan.ReaderSession, setup.Plan.NotifierSession, "guarded" }.SelectMany(cluster.World.AuthKeysOf).ToList();
        Assert.True(keys.Count >= 3, "the sessions' auth keys are known");
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            secrets[$"auth key {i} (hex)"] = Convert.ToHexString(key.AsSpan(0, 16));
            secrets[$"auth key {i} (hex, lower case)"] = Convert.ToHexStringLower(key.AsSpan(0, 16));
            secrets[$"auth key {i} (base64)"] = Convert.ToBase64String(key)[..24];
        }

        secrets["the api_hash"] = "0123456789abcdef0123456789abcdef";
        Assert.NotEmpty(codes);
        foreach (var (where, text) in haystacks)
        {
            foreach (var (what, secret) in secrets)
            {
                var found = what.StartsWith("login code", StringComparison.Ordinal)
                    ? System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![0-9]){secret}(?![0-9])")
                    : text.Contains(secret, StringComparison.Ordinal);
                Assert.False(found, $"{what} appears in the {where}");
            }
        }
    }
}
