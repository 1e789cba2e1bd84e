using Raciflow.Projects;

namespace Raciflow.Pipelines;

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
}
