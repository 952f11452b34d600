using System.Globalization;
using StackExchange.Redis;

namespace Signals.Ownership;

/// <summary>
/// Re-encrypts protected values in Redis under the active key, for a key rotation: configure the new key as active
/// while keeping the old one, run this, then remove the old key. It never writes what it could not decrypt, and it
/// writes with compare-and-set, so a value its owner rewrote meanwhile is left to the owner.
/// Handles string keys and hash fields holding protected bytes; other types are counted as not protected.
/// </summary>
public sealed class SecretRotator(SecretProtector protector)
{
    private const string CompareAndSetString = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
          return 1
        end
        return 0
        """;

    private const string CompareAndSetField = """
        if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
          return 1
        end
        return 0
        """;

    /// <summary>Rotates every value under keys matching <paramref name="pattern"/>, all with one purpose.</summary>
    public Task<SecretRotationReport> RotateAsync(IDatabase db, RedisValue pattern, string purpose, int pageSize = 250, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return RotateAsync(db, pattern, (_, _) => purpose, pageSize, cancellationToken);
    }

    /// <summary>
    /// Rotates every value under keys matching <paramref name="pattern"/>; <paramref name="purposeOf"/> gives the
    /// purpose of a key's value (field is null for strings) or null to leave it alone.
    /// </summary>
    public async Task<SecretRotationReport> RotateAsync(
        IDatabase db,
        RedisValue pattern,
        Func<RedisKey, RedisValue?, string?> purposeOf,
        int pageSize = 250,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(purposeOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var tally = new Tally();
        var cursor = "0";
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            // SCAN through IDatabase so this works with whatever connection the caller has (no admin rights needed).
            var page = (RedisResult[])(await db.ExecuteAsync("SCAN", cursor, "MATCH", pattern, "COUNT", pageSize.ToString(CultureInfo.InvariantCulture)))!;
            cursor = (string)page[0]!;
            foreach (var key in (RedisKey[])page[1]!)
            {
                tally.KeysScanned++;
                await RotateKeyAsync(db, key, purposeOf, tally);
            }
        }
        while (cursor != "0");

        return new SecretRotationReport(
            tally.KeysScanned, tally.Rotated, tally.AlreadyCurrent, tally.NotProtected, tally.Undecryptable, tally.ChangedConcurrently, tally.Problems);
    }

    private async Task RotateKeyAsync(IDatabase db, RedisKey key, Func<RedisKey, RedisValue?, string?> purposeOf, Tally tally)
    {
        switch (await db.KeyTypeAsync(key))
        {
            case RedisType.String:
                var value = await db.StringGetAsync(key);
                if (Reencrypt(key, null, value, purposeOf(key, null), tally) is { } rotated)
                {
                    var written = await db.ScriptEvaluateAsync(CompareAndSetString, [key], [value, rotated]);
                    tally.Count((long)written == 1);
                }

                break;
            case RedisType.Hash:
                foreach (var entry in await db.HashGetAllAsync(key))
                {
                    if (Reencrypt(key, entry.Name, entry.Value, purposeOf(key, entry.Name), tally) is { } rotatedField)
                    {
                        var written = await db.ScriptEvaluateAsync(CompareAndSetField, [key], [entry.Name, entry.Value, rotatedField]);
                        tally.Count((long)written == 1);
                    }
                }

                break;
            default:
                tally.NotProtected++;
                break;
        }
    }

    private byte[]? Reencrypt(RedisKey key, RedisValue? field, RedisValue value, string? purpose, Tally tally)
    {
        byte[]? bytes = value;
        if (purpose is null || bytes is null || !SecretProtector.IsProtected(bytes))
        {
            tally.NotProtected++;
            return null;
        }

        if (protector.IsUnderActiveKey(bytes))
        {
            tally.AlreadyCurrent++;
            return null;
        }

        try
        {
            return protector.Reprotect(bytes, purpose);
        }
        catch (SecretProtectionException ex)
        {
            tally.Undecryptable++;
            var where = field is { } f ? $"{key} field {f}" : key.ToString();
            tally.Problems.Add($"{where}: {ex.Message}");
            return null;
        }
    }

    private sealed class Tally
    {
        public int KeysScanned { get; set; }

        public int Rotated { get; set; }

        public int AlreadyCurrent { get; set; }

        public int NotProtected { get; set; }

        public int Undecryptable { get; set; }

        public int ChangedConcurrently { get; set; }

        public List<string> Problems { get; } = [];

        public void Count(bool written)
        {
            if (written)
            {
                Rotated++;
            }
            else
            {
                ChangedConcurrently++;
            }
        }
    }
}
