using System.Diagnostics;

namespace Raciflow.Tracking;

/// <summary>Remembers the CPU time at a run's start so its end can report the difference.</summary>
public sealed class ResourceMeter(TimeSpan startCpu)
{
    public ResourceUsage Stop()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ResourceUsage(Math.Max(0, (process.TotalProcessorTime - startCpu).TotalSeconds), process.PeakWorkingSet64);
    }
}
