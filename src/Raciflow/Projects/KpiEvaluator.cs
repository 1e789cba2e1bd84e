
namespace Raciflow.Projects;

/// <summary>Checks the project's success criteria against measured metrics.</summary>
public static class KpiEvaluator
{
    public static IReadOnlyList<KpiCheck> Evaluate(IEnumerable<KpiConfig> kpis, IReadOnlyDictionary<string, double> metrics) =>
        kpis.Select(k =>
        {
            double? actual = metrics.TryGetValue(k.Metric, out var v) ? v : null;
            var passed = actual is { } a && !double.IsNaN(a) && (k.Min is null || a >= k.Min) && (k.Max is null || a <= k.Max);
            return new KpiCheck(k.Metric, k.Min, k.Max, actual, passed);
        }).ToList();

    /// <summary>
    /// KPIs name a metric ("r2"); a model's metrics are prefixed by where they were measured ("test_r2"). The test
    /// rows are what a KPI promises, so the test value wins, then the bare name.
    /// </summary>
    public static IReadOnlyList<KpiCheck> EvaluateOnTest(IEnumerable<KpiConfig> kpis, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(metrics);
        var resolved = kpis.Select(k => k.Metric).Distinct(StringComparer.Ordinal)
            .Select(m => (m, metrics.TryGetValue("test_" + m, out var t) ? t : metrics.TryGetValue(m, out var v) ? v : (double?)null))
            .Where(x => x.Item2 is not null)
            .ToDictionary(x => x.m, x => x.Item2!.Value, StringComparer.Ordinal);
        return Evaluate(kpis, resolved);
    }
}
