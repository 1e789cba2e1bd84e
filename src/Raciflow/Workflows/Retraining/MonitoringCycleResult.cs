using Raciflow.Monitoring.Alerts;

namespace Raciflow.Workflows.Retraining;

/// <summary>One model's alert evaluation, and the retrainings its alerts started under the retraining policy.</summary>
public sealed record MonitoringCycleResult(AlertEvaluation Alerts, IReadOnlyList<RetrainingResult> Retrainings);
