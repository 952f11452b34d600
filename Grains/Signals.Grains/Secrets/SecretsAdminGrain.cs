using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Configuration;
using Signals.Hosting;
using Signals.Ownership;
using Signals.Sessions.Ownership;
using StackExchange.Redis;

namespace Signals.Secrets;

/// <summary>
/// Runs a rotation on a silo, which has the keys and the Redis connection. Each value is rewritten with
/// compare-and-set, so a session owner's write in the middle is never overwritten (it is counted as changed concurrently;
/// that write used the active key already).
/// </summary>
[StatelessWorker(1)]
public sealed class SecretsAdminGrain(SecretProtector protector, SecretRotator rotator, IOptions<ClusterOptions> cluster) : Grain, ISecretsAdminGrain
{
    public async Task<SecretRotationResult> RotateAsync()
    {
        var redis = ServiceProvider.GetKeyedService<IConnectionMultiplexer>(SignalsSiloBuilderExtensions.OwnershipRedisKey);
        if (redis is null)
        {
            return new SecretRotationResult(false, protector.ActiveKeyId, 0, 0, 0, 0, 0, []);
        }

        var db = redis.GetDatabase();
        var prefix = $"signals:{cluster.Value.ServiceId}:";
        var sessions = await rotator.RotateAsync(
            db,
            prefix + "session:*",
            (key, _) => SessionStatePurpose.For(((string)key!)[(prefix.Length + "session:".Length)..]));
        var check = await rotator.RotateAsync(db, prefix + "secrets:check", SecretKeyCheck.Purpose);
        return new SecretRotationResult(
            true,
            protector.ActiveKeyId,
            sessions.KeysScanned + check.KeysScanned,
            sessions.Rotated + check.Rotated,
            sessions.AlreadyCurrent + check.AlreadyCurrent,
            sessions.Undecryptable + check.Undecryptable,
            sessions.ChangedConcurrently + check.ChangedConcurrently,
            sessions.Problems.Concat(check.Problems).ToList());
    }
}
