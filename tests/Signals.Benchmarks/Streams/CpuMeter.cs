using System.Diagnostics;
using System.Globalization;

namespace Signals.Benchmarks.Streams;

/// <summary>
/// CPU time spent by this process (silos, producers, subscribers) and by redis-server during a run, so a run can say
/// where its core-microseconds per event went, not only how many events it moved.
/// </summary>
public sealed class CpuMeter
{
    private readonly int? _redisPid;
    private readonly TimeSpan _processStart;
    private readonly TimeSpan _redisStart;

    private CpuMeter(int? redisPid)
    {
        _redisPid = redisPid;
        _processStart = Process.GetCurrentProcess().TotalProcessorTime;
        _redisStart = RedisCpu(redisPid);
    }

    public static CpuMeter Start(int? redisPid) => new(redisPid);

    /// <summary>Core-microseconds per event since <see cref="Start"/>: this process, redis-server.</summary>
    public (double Process, double Redis) PerEventMicroseconds(int events)
    {
        var (process, redis) = Elapsed();
        return (process.TotalMicroseconds / events, redis.TotalMicroseconds / events);
    }

    /// <summary>CPU time since <see cref="Start"/>: this process, redis-server.</summary>
    public (TimeSpan Process, TimeSpan Redis) Elapsed() =>
        (Process.GetCurrentProcess().TotalProcessorTime - _processStart, RedisCpu(_redisPid) - _redisStart);

    /// <summary>utime + stime of redis-server from /proc (Linux); zero where that is not readable.</summary>
    private static TimeSpan RedisCpu(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return TimeSpan.Zero;
        }

        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (man 5 proc).
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        const double ClockTicksPerSecond = 100; // USER_HZ on Linux
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}
