using System.Runtime.InteropServices;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Lowers the calling thread's CPU priority, so that its bursts of work (the prediction log encodes a batch in several
/// milliseconds) yield to request threads on a busy machine instead of taking a core from them. The level is
/// moderate on purpose: at the lowest priority a writer could starve under full load and the log would fall back to
/// sampling and dropping.
/// </summary>
internal static class BackgroundThreadPriority
{
    /// <summary>Linux nice value: weight 110 against 1,024 for a normal thread.</summary>
    public const int LinuxNice = 10;

    private const int PriorityOfProcess = 0;

    /// <summary>Returns whether the priority was lowered; a platform that refuses leaves the thread as it is.</summary>
    public static bool TryLowerCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            // Linux keeps a nice value per thread, and "process" 0 is the calling thread; .NET's Thread.Priority
            // does not reach the scheduler there.
            try
            {
                return SetPriority(PriorityOfProcess, 0, LinuxNice) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        return true;
    }

    // A plain DllImport: every argument is blittable, so no marshalling stub (and no unsafe code) is needed.
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, uint who, int priority);
}
