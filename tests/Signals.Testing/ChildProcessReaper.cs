using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Signals.Testing;

/// <summary>
/// Makes sure a redis-server started by a test never outlives the test host. A ProcessExit hook covers a normal
/// end; a tiny shell watchdog covers the host being killed outright (no managed code runs then).
/// </summary>
internal static class ChildProcessReaper
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    static ChildProcessReaper() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static Process Track(Process child)
    {
        Live[child.Id] = child;
        return StartWatchdog(child.Id);
    }

    public static void Forget(Process child) => Live.TryRemove(child.Id, out _);

    private static Process StartWatchdog(int childId)
    {
        var parent = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var child = childId.ToString(CultureInfo.InvariantCulture);
        // Polls both ends: exits quietly when the child is gone, kills the child when the parent is gone.
        var script = $"while kill -0 {parent} 2>/dev/null && kill -0 {child} 2>/dev/null; do sleep 1; done; kill -9 {child} 2>/dev/null";
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the redis-server watchdog.");
    }

    private static void KillAll()
    {
        foreach (var process in Live.Values)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
