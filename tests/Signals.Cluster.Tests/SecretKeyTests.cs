using Signals.Cluster.Tests.Support;
using Signals.Telegram.Emulator.World;
using Signals.Testing;
using Signals.Testing.Cluster;

namespace Signals.Cluster.Tests;

[Collection(RedisCollection.Name)]
public sealed class SecretKeyTests(RedisFixture redis)
{
    [Fact]
    public async Task A_silo_without_a_secrets_key_does_not_start_and_says_which_key_is_missing()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SignalsTestCluster.StartAsync(redis.Server, silos: 1, new Dictionary<string, string?>
        {
            ["Signals:Secrets:ActiveKeyId"] = "absent",
        }));

        Assert.Contains("Signals:Secrets", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_with_the_wrong_key_does_not_start_and_never_overwrites_what_it_cannot_read()
    {
        var serviceId = "keys" + Guid.NewGuid().ToString("N")[..8];
        var world = new TelegramWorld();
        await using (var first = await SignalsTestCluster.StartAsync(redis.Server, silos: 1, world: world, serviceId: serviceId))
        {
            await first.SeedAsync(channels: 3);
        }

        // Read once the first cluster has stopped: a session writes its state (update state, peers) until it closes.
        await using var connection = await redis.Server.ConnectAsync();
        byte[]? before = await connection.GetDatabase().StringGetAsync($"signals:{serviceId}:session:reader");
        Assert.NotNull(before);

        // Same key id, other bytes: a key mix-up during a rollout.
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)0xA5, 32).ToArray());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SignalsTestCluster.StartAsync(
            redis.Server,
            silos: 1,
            new Dictionary<string, string?> { [$"Signals:Secrets:Keys:{TestSecrets.KeyId}"] = wrongKey },
            world,
            serviceId));

        var message = Flatten(error);
        Assert.Contains(TestSecrets.KeyId, message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecrets.Key, message, StringComparison.Ordinal);
        await using var check = await redis.Server.ConnectAsync();
        byte[]? after = await check.GetDatabase().StringGetAsync($"signals:{serviceId}:session:reader");
        Assert.Equal(before, after);
    }

    private static string Flatten(Exception error)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.AppendLine(Flatten(inner));
                }
            }
        }

        return text.ToString();
    }
}
