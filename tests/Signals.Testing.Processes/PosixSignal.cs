using System.Runtime.InteropServices;

namespace Signals.Testing.Processes;

/// <summary>Sends a POSIX signal to one process id. SIGSTOP/SIGCONT model a paused process (a long GC, a frozen VM).</summary>
public static partial class PosixSignal
{
    // Linux signal numbers (signal(7)).
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
