using System.Diagnostics;

namespace Raciflow.Tracking;

/// <summary>
/// CPU time and peak memory of this process over a run, read from <see cref="Process"/>. Peak memory is the
/// process's peak working set, so for several concurrent runs in one process it is an upper bound per run.
/// </summary>
public sealed record ResourceUsage(double CpuSeconds, long PeakMemoryBytes)
{
    /// <summary>Starts measuring; call <see cref="ResourceMeter.Stop"/> when the run ends.</summary>
    public static ResourceMeter Start()
    {
        using var process = Process.GetCurrentProcess();
        return new ResourceMeter(process.TotalProcessorTime);
    }
}
