namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// What the logger has done with the records offered to it. Enqueued records end up written (durable and indexed)
/// or failed (given up after retries); dropped ones were refused under overload, skipped ones belong to models
/// whose logging is off.
/// </summary>
public readonly record struct PredictionLogCounters(long Enqueued, long Written, long Dropped, long Failed, long Skipped)
{
    /// <summary>Enqueued records not yet written or failed: in the queue or in the batch being written.</summary>
    public long Pending => Enqueued - Written - Failed;
}
