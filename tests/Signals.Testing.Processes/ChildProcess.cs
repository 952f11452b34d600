using System.Diagnostics;
using System.Globalization;

namespace Signals.Testing.Processes;

/// <summary>
/// A <c>dotnet program.dll</c> child with its output kept (the last lines, for failure messages), POSIX signal helpers,
/// and a watchdog that kills it if the harness process disappears without cleaning up.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private readonly Process _process;
    private readonly Process _watchdog;
    private readonly Queue<string> _lines = new();
    private readonly object _gate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        Id = process.Id;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data is null ? null : "[stderr] " + e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _watchdog = StartWatchdog(Id);
    }

    public string Name { get; }

    public int Id { get; }

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the process wrote (standard error lines are prefixed), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static ChildProcess Start(string name, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The harness decides every setting: nothing inherited from the caller's shell (a Redis, a mode) may leak in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Signals__", StringComparison.Ordinal)
                     || k.StartsWith("Orleans__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(name, Process.Start(info) ?? throw new InvalidOperationException($"dotnet did not start {name}."));
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been written (also if it was already).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken ct = default)
    {
        TaskCompletionSource seen;
        lock (_gate)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, seen));
        }

        return seen.Task.WaitAsync(timeout, ct);
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>SIGSTOP: the process stops where it is; its sockets stay open and nothing answers on them.</summary>
    public void Pause() => PosixSignal.Send(Id, PosixSignal.SigStop);

    /// <summary>SIGCONT: a paused process continues as if no time had passed, from its point of view.</summary>
    public void Resume() => PosixSignal.Send(Id, PosixSignal.SigCont);

    /// <summary>SIGTERM: the host shuts down gracefully.</summary>
    public void Terminate() => PosixSignal.Send(Id, PosixSignal.SigTerm);

    /// <summary>SIGKILL, as a crash: no code of the process runs; the kernel closes its sockets.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                PosixSignal.Send(Id, PosixSignal.SigKill);
            }
            catch (InvalidOperationException) when (_process.HasExited)
            {
                // It ended on its own meanwhile.
            }
        }

        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        await _process.WaitForExitAsync(ct).WaitAsync(timeout, ct);
        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A paused process must continue before it can die of anything but SIGKILL; SIGKILL needs no continue.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        if (!_watchdog.HasExited)
        {
            _watchdog.Kill();
            await _watchdog.WaitForExitAsync();
        }

        _watchdog.Dispose();
        _process.Dispose();
    }

    private static Process StartWatchdog(int childId)
    {
        var parent = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var child = childId.ToString(CultureInfo.InvariantCulture);
        // Ends quietly when the child is gone; kills the child when the harness is gone (killed outright, no cleanup ran).
        var script = $"while kill -0 {parent} 2>/dev/null && kill -0 {child} 2>/dev/null; do sleep 1; done; kill -9 {child} 2>/dev/null";
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start a child process watchdog.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }

            for (var i = _awaited.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_awaited[i].Text, StringComparison.Ordinal))
                {
                    _awaited[i].Seen.TrySetResult();
                    _awaited.RemoveAt(i);
                }
            }
        }
    }
}
