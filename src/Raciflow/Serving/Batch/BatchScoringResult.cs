namespace Raciflow.Serving.Batch;

/// <summary>
/// What a batch scoring run did: rows read, wall-clock and CPU time, and the process's peak working set; and how many
/// rows got no prediction because the model's answer was not a finite number (their prediction cells are empty), with
/// the first one's data row number (1 is the first row after the header; 0 when there is none).
/// </summary>
public sealed record BatchScoringResult(long Rows, TimeSpan Elapsed, TimeSpan CpuTime, long PeakMemoryBytes, long UnscoredRows = 0, long FirstUnscoredRow = 0)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
