using Microsoft.Extensions.Hosting;
using Signals.Ownership;
using StackExchange.Redis;

namespace Signals.Hosting;

/// <summary>
/// Stops the silo at start when its secrets keys cannot read what is already in Redis (a wrong key), before any grain
/// could fail to decrypt state mid-flight. The first silo of a deployment writes the check value under its active key.
/// </summary>
public sealed class SecretKeyCheck(IConnectionMultiplexer redis, SecretProtector protector, string serviceId) : IHostedService
{
    public const string Purpose = "secrets-key-check";
    private static readonly byte[] Expected = "signals secrets key check"u8.ToArray();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var key = new RedisKey($"signals:{serviceId}:secrets:check");
        var db = redis.GetDatabase();
        var stored = await db.StringGetAsync(key).WaitAsync(cancellationToken);
        if (!stored.HasValue)
        {
            await db.StringSetAsync(key, protector.Protect(Expected, Purpose), when: When.NotExists).WaitAsync(cancellationToken);
            return;
        }

        // Throws SecretProtectionException naming the key id and its configuration key, never the secret.
        var plain = protector.Unprotect((byte[])stored!, Purpose);
        if (!plain.AsSpan().SequenceEqual(Expected))
        {
            throw new SecretProtectionException($"The secrets key check in Redis ({key}) holds an unexpected value.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
