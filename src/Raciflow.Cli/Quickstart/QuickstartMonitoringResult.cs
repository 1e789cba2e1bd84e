using Raciflow.Workflows;
using Raciflow.Monitoring.Alerts;
using Raciflow.Monitoring.ModelDrift;
using Raciflow.Workflows.Retraining;

namespace Raciflow.Cli.Quickstart;

/// <summary>What the quickstart's traffic showed: drift before and after the shift, the alerts, and the retrainings they started.</summary>
public sealed record QuickstartMonitoringResult(
    ModelDriftSummary Before,
    ModelDriftSummary After,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<RetrainingResult> Retrainings);
