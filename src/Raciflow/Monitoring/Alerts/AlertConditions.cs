using System.Globalization;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Projects;

namespace Raciflow.Monitoring.Alerts;

/// <summary>
/// The conditions of the alert rules over measured data, apart from where the data comes from, so each can be
/// checked against hand-computed answers. Each returns a finding when its condition holds, else null.
/// </summary>
public static class AlertConditions
{
    /// <summary>p99 latency by nearest rank (the smallest logged latency at or above 99% of requests) above the threshold.</summary>
    public static AlertFinding? Latency(IReadOnlyList<LoggedPrediction> traffic, double thresholdMs)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        if (traffic.Count == 0)
        {
            return null;
        }

        var p99 = P99(traffic.Select(p => p.LatencyMs));
        return p99 > thresholdMs
            ? new AlertFinding(AlertRules.Latency, null, p99, thresholdMs, $"p99 latency {Format(p99)} ms over {traffic.Count:N0} requests is above {Format(thresholdMs)} ms")
            : null;
    }

    public static double P99(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(0.99 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>The share of failed requests above the threshold.</summary>
    public static AlertFinding? ErrorRate(IReadOnlyList<LoggedPrediction> traffic, double threshold)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        if (traffic.Count == 0)
        {
            return null;
        }

        var errors = traffic.Count(p => p.Status == PredictionStatus.Error);
        var rate = (double)errors / traffic.Count;
        return rate > threshold
            ? new AlertFinding(AlertRules.Errors, null, rate, threshold, $"{errors:N0} of {traffic.Count:N0} requests failed ({Percent(rate)}), above {Percent(threshold)}")
            : null;
    }

    /// <summary>No request at all during the last <paramref name="quiet"/>.</summary>
    public static AlertFinding? NoTraffic(int requests, TimeSpan quiet, string quietText) =>
        requests == 0
            ? new AlertFinding(AlertRules.NoTraffic, null, 0, quiet.TotalMinutes, $"no requests in the last {quietText}")
            : null;

    /// <summary>The share of drifted features (the prediction column not counted) above the threshold.</summary>
    public static AlertFinding? Drift(DriftReport report, int version, double threshold)
    {
        ArgumentNullException.ThrowIfNull(report);
        var share = report.DriftedFeatureShare;
        if (share <= threshold)
        {
            return null;
        }

        var drifted = string.Join(", ", report.Features.Where(f => f.Drifted).Select(f => f.Column));
        return new AlertFinding(AlertRules.Drift, version, share, threshold, $"{report.DriftedFeatureCount} of {report.Features.Count} features drifted ({Percent(share)}, above {Percent(threshold)}): {drifted}");
    }

    /// <summary>A KPI of the project missed by the served version's metrics on its labelled predictions.</summary>
    public static AlertFinding? Performance(PerformancePoint point, IReadOnlyList<KpiConfig> kpis, int minLabelled)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(kpis);
        if (point.Labelled < Math.Max(1, minLabelled))
        {
            return null;
        }

        var measured = point.Metrics.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!.Value, StringComparer.Ordinal);
        var missed = KpiEvaluator.Evaluate(kpis.Where(k => measured.ContainsKey(k.Metric)), measured).Where(k => !k.Passed).ToList();
        if (missed.Count == 0)
        {
            return null;
        }

        var first = missed[0];
        var text = string.Join("; ", missed.Select(k => $"{k.Metric} = {Format(k.Actual!.Value)} misses {k.Rule}"));
        return new AlertFinding(AlertRules.Performance, point.Version, first.Actual, first.Min ?? first.Max, $"{text} (on {point.Labelled:N0} labelled predictions)");
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);
}
