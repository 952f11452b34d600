using System.Text.Json;
using Signals.Client.Tests.Support;
using Signals.Ownership;
using Signals.Sessions;
using Signals.Telegram.Emulator.World;
using Signals.Testing;
using Signals.Testing.Cluster;

namespace Signals.Client.Tests;

/// <summary>A key rotation as an operator runs it: add the new key, rotate while the cluster works, drop the old key.</summary>
public sealed class SecretRotationTests : IAsyncLifetime
{
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

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
    public async Task Rotating_under_load_rewrites_everything_under_the_new_key_and_the_old_key_can_then_be_dropped()
    {
        var serviceId = "rot" + Guid.NewGuid().ToString("N")[..8];
        var world = new TelegramWorld();
        TestSetup setup;
        await using (var before = await SignalsTestCluster.StartAsync(_redis!, silos: 1, world: world, serviceId: serviceId))
        {
            setup = await before.SeedAsync(channels: 3, prefix: "rot");
        }

        // Both keys configured, the new one active: silos read the old and write the new.
        var bothKeys = new Dictionary<string, string?> { ["Signals:Secrets:ActiveKeyId"] = "k2", ["Signals:Secrets:Keys:k2"] = NewKey };
        await using (var during = await SignalsTestCluster.StartAsync(_redis!, silos: 2, bothKeys, world, serviceId))
        {
            using var stop = new CancellationTokenSource();
            var load = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    world.Post(setup.ChannelIds[i % 3], $"gm #{i} CA: {TestAddresses.Solana(900 + (i / 3))}");
                    await Task.Delay(20);
                }
            });
            var gateway = new[] { "--gateway", during.GatewayPort.ToString(), "--cluster-id", during.ClusterId, "--service-id", during.ServiceId, "--json" };
            var run = await CliRun.RunAsync(["secrets", "rotate", .. gateway]);
            await stop.CancelAsync();
            await load;

            Assert.True(run.ExitCode == 0, run.All);
            using var json = JsonDocument.Parse(run.StdOut);
            Assert.Equal("k2", json.RootElement.GetProperty("activeKeyId").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("undecryptable").GetInt32());
            Assert.True(json.RootElement.GetProperty("rotated").GetInt32() >= 1, run.StdOut);
            Assert.DoesNotContain(NewKey, run.All, StringComparison.Ordinal);
            Assert.DoesNotContain(TestSecrets.Key, run.All, StringComparison.Ordinal);

            await using var connection = await _redis!.ConnectAsync();
            var server = connection.GetServers()[0];
            var db = connection.GetDatabase();
            var keys = server.Keys(pattern: $"signals:{serviceId}:session:*").Append($"signals:{serviceId}:secrets:check").ToList();
            Assert.True(keys.Count >= 3);
            foreach (var key in keys)
            {
                byte[]? value = await db.StringGetAsync(key);
                Assert.True(SecretProtector.TryGetKeyId(value, out var keyId), $"{key} is not protected");
                Assert.Equal("k2", keyId);
            }
        }

        // The old key is gone: the deployment starts, reads its sessions and works.
        var newKeyOnly = new Dictionary<string, string?>
        {
            ["Signals:Secrets:ActiveKeyId"] = "k2",
            ["Signals:Secrets:Keys:k2"] = NewKey,
            [$"Signals:Secrets:Keys:{TestSecrets.KeyId}"] = null,
        };
        await using var after = await SignalsTestCluster.StartAsync(_redis!, silos: 1, newKeyOnly, world, serviceId);
        var reader = await after.Client.GetGrain<ITelegramSessionGrain>(setup.Plan.ReaderSession).EnsureRunningAsync();
        Assert.True(reader.LoggedIn);
        var address = TestAddresses.Solana(4242);
        var delivered = world.MessagesIn(setup.DestinationId).Count;
        foreach (var channel in setup.ChannelIds)
        {
            world.Post(channel, $"CA: {address}");
        }

        await Eventually.MatchAsync(
            () => Task.FromResult(world.MessagesIn(setup.DestinationId).Count(m => m.Text.Contains(address, StringComparison.Ordinal))),
            n => n == 1,
            "an alert was delivered under the new key alone");
        Assert.True(world.MessagesIn(setup.DestinationId).Count > delivered);
        Assert.Equal(0, world.Counters.AuthKeyDuplicated);
    }
}
