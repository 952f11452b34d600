using System.Globalization;
using StackExchange.Redis;

namespace Signals.Benchmarks.Streams;

/// <summary>Fields of redis-server's INFO that say what Redis itself was doing during a run.</summary>
public static class RedisInfo
{
    /// <summary>
    /// AOF rewrites so far. A rewrite forks redis-server and writes the whole data set; rewrites land inside some runs
    /// and not others, so each run says how many it had.
    /// </summary>
    public static Task<long> AofRewritesAsync(IConnectionMultiplexer admin) => FieldAsync(admin, "persistence", "aof_rewrites");

    public static async Task<double> UsedMemoryMegabytesAsync(IConnectionMultiplexer admin) => await FieldAsync(admin, "memory", "used_memory") / 1048576.0;

    private static async Task<long> FieldAsync(IConnectionMultiplexer admin, string section, string field)
    {
        var info = await admin.GetServer(admin.GetEndPoints()[0]).InfoAsync(section);
        var value = info.SelectMany(group => group).First(pair => pair.Key == field).Value;
        return long.Parse(value, CultureInfo.InvariantCulture);
    }
}
