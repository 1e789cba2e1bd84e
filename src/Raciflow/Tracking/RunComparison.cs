namespace Raciflow.Tracking;

/// <summary>Runs side by side: each row holds one key's value per run, in the order of <see cref="Runs"/>.</summary>
public sealed record RunComparison(IReadOnlyList<RunSummary> Runs, IReadOnlyList<ParamComparisonRow> Params, IReadOnlyList<MetricComparisonRow> Metrics);
