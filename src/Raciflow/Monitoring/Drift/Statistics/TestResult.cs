namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>The outcome of a two-sample hypothesis test: its statistic, degrees of freedom where the test has them, and p-value.</summary>
public readonly record struct TestResult(double Statistic, double PValue, int? DegreesOfFreedom = null);
