using Raciflow.Monitoring.Drift;

namespace Raciflow.Monitoring.Charts;

/// <summary>A drift report and when it was computed: one point per feature on the drift-over-time chart.</summary>
public sealed record DatedDriftReport(DateTimeOffset At, DriftReport Report);
