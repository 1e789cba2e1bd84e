namespace Raciflow.Monitoring.PredictionLog;

/// <summary>How the prediction logger queues, samples, batches and retries.</summary>
public sealed record PredictionLogOptions
{
    /// <summary>Records the in-memory queue holds; beyond it records are dropped (and counted), never waited for.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Records per written batch; a batch becomes one file per model, version and day.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Longest time a logged record waits in a partly filled batch before it is written.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Share of the queue above which only one record in <see cref="OverloadKeepEvery"/> is kept, so a burst
    /// leaves a sample of itself rather than only its first records.
    /// </summary>
    public double OverloadHighWater { get; init; } = 0.75;

    public int OverloadKeepEvery { get; init; } = 2;

    /// <summary>Models whose predictions are not logged at all (counted as skipped).</summary>
    public IReadOnlySet<string> DisabledModels { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Retries of a failed file write or index insert before its records are counted as failed.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay; later ones back off exponentially.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    internal void Validate()
    {
        if (QueueCapacity < 1 || BatchSize < 1 || OverloadKeepEvery < 1 || MaxRetries < 0)
        {
            throw RaciflowException.Invalid($"Prediction log options need a queue capacity, batch size and overload keep-every of at least 1 and no negative retries (got {QueueCapacity}, {BatchSize}, {OverloadKeepEvery}, {MaxRetries}).");
        }

        if (FlushInterval <= TimeSpan.Zero || RetryDelay < TimeSpan.Zero || OverloadHighWater is <= 0 or > 1)
        {
            throw RaciflowException.Invalid($"Prediction log options need a positive flush interval, a non-negative retry delay and an overload high-water share in (0, 1] (got {FlushInterval}, {RetryDelay}, {OverloadHighWater}).");
        }
    }
}
