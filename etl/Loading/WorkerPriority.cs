using System.Runtime.InteropServices;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Lowers the calling thread's scheduling priority: its nice value, which Linux keeps per thread (.NET's
/// <see cref="Thread.Priority"/> changes nothing there). Raising one's own nice value needs no privilege.</summary>
internal static partial class WorkerPriority
{
    private const int PrioProcess = 0; // PRIO_PROCESS: with a thread id, that one thread

    /// <summary>Raises the calling thread's nice value by <paramref name="increment"/> (at most to 19); false where that
    /// is not possible (not Linux), leaving the thread as it was.</summary>
    public static bool Lower(int increment)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var tid = GetTid();
            var current = GetPriority(PrioProcess, tid);
            return SetPriority(PrioProcess, tid, Math.Min(19, current + increment)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // a C library without these calls: the thread keeps its priority
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);
}
