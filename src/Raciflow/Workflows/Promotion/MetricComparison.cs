namespace Raciflow.Workflows.Promotion;

/// <summary>One metric of the candidate beside the version it would replace.</summary>
public sealed record MetricComparison(string Metric, double Candidate, double? Current, double? Delta);
