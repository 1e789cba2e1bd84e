namespace Raciflow.Serving.Batch;

/// <summary>What a batch scoring run did: rows scored, wall-clock and CPU time, and the process's peak working set.</summary>
public sealed record BatchScoringResult(long Rows, TimeSpan Elapsed, TimeSpan CpuTime, long PeakMemoryBytes)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
