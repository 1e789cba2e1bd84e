using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Monitoring.Traffic;

/// <summary>
/// A model's traffic over time from its prediction log: fixed buckets covering [From, To), each with the number of
/// predictions, errors and latency percentiles, so the dashboard draws requests, latency and errors on one axis.
/// </summary>
public sealed record TrafficSeries(string Model, DateTimeOffset From, DateTimeOffset To, TimeSpan Bucket, IReadOnlyList<TrafficPoint> Points)
{
    /// <summary>About this many buckets per chart: fine enough to see a burst, coarse enough to stay readable.</summary>
    public const int TargetBuckets = 120;

    public int Predictions => Points.Sum(p => p.Predictions);

    public int Errors => Points.Sum(p => p.Errors);

    /// <summary>Buckets of whole minutes (at least one) so "per minute" means what it says.</summary>
    public static TimeSpan BucketFor(TimeSpan range) =>
        TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling(range.TotalMinutes / TargetBuckets)));

    public static TrafficSeries Compute(string model, IReadOnlyList<LoggedPrediction> logged, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var bucket = BucketFor(to - from);
        var count = (int)Math.Ceiling((to - from) / bucket);
        var latencies = new List<double>[count];
        var errors = new int[count];
        foreach (var prediction in logged)
        {
            var index = (int)((new DateTimeOffset(prediction.Time, TimeSpan.Zero) - from) / bucket);
            if (index < 0 || index >= count)
            {
                continue;
            }

            (latencies[index] ??= []).Add(prediction.LatencyMs);
            if (prediction.Status == PredictionStatus.Error)
            {
                errors[index]++;
            }
        }

        var points = new TrafficPoint[count];
        for (var i = 0; i < count; i++)
        {
            var sorted = latencies[i]?.Order().ToArray() ?? [];
            points[i] = new TrafficPoint(
                from + (bucket * i),
                sorted.Length,
                errors[i],
                sorted.Length / bucket.TotalMinutes,
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.95),
                Percentile(sorted, 0.99));
        }

        return new TrafficSeries(model, from, to, bucket, points);
    }

    /// <summary>Nearest-rank percentile: an actual observed latency, never an interpolated one.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
