namespace Raciflow.Tracking;

/// <summary>One metric's latest value across compared runs (null where a run lacks it).</summary>
public sealed record MetricComparisonRow(string Key, IReadOnlyList<double?> Values);
