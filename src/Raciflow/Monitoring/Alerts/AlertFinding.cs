namespace Raciflow.Monitoring.Alerts;

/// <summary>A rule whose condition holds now: what was measured against which threshold, in one sentence.</summary>
public sealed record AlertFinding(string Rule, int? Version, double? Value, double? Threshold, string Message);
