using Raciflow.Governance;
using Raciflow.Monitoring.Alerts;
using Raciflow.Projects;
using Raciflow.Registry;

namespace Raciflow.Workflows.Retraining;

/// <summary>
/// What the server's schedule and <c>raciflow alerts evaluate</c> run: evaluate a production model's alert rules,
/// then start one retraining for each firing alert whose kind retraining.on names (at most once per alert: the
/// alert is claimed before the retraining starts, so overlapping evaluations do not both retrain).
/// </summary>
public sealed class MonitoringCycle(GovernanceService governance)
{
    public async Task<MonitoringCycleResult> RunAsync(string model, CancellationToken cancellationToken = default)
    {
        var alerts = new AlertService(governance);
        var evaluation = await alerts.EvaluateAsync(model, cancellationToken);
        var policy = governance.Workspace.Project?.Retraining ?? new RetrainingConfig();
        var retrainings = new List<RetrainingResult>();
        foreach (var alert in evaluation.Firing.Where(a => AlertRules.Trigger(a.Rule) is { } kind && policy.On.Contains(kind, StringComparer.Ordinal)))
        {
            if (!await alerts.ClaimRetrainingAsync(alert.Id, "retraining started", cancellationToken))
            {
                continue;
            }

            RetrainingResult result;
            try
            {
                result = await new RetrainingService(governance).RetrainByPolicyAsync(model, RetrainingTrigger.ForAlert(alert.Id, alert.Rule), cancellationToken);
            }
            catch (RaciflowException ex)
            {
                // Kept on the alert for people to see; the alert stays claimed so a broken setup does not retrain every minute.
                await alerts.NoteRetrainingAsync(alert.Id, $"retraining failed: {ex.Message}"[..Math.Min(500, ex.Message.Length + 20)], cancellationToken);
                continue;
            }

            await alerts.NoteRetrainingAsync(alert.Id, $"{result.Challenger} from run {result.RunId}" + (result.ApprovalId is { } id ? $", approval {id}" : ", auto-promoted"), cancellationToken);
            retrainings.Add(result);
        }

        return new MonitoringCycleResult(evaluation, retrainings);
    }

    /// <summary>Every registered model with a production alias: what the schedule watches.</summary>
    public async Task<IReadOnlyList<string>> ProductionModelsAsync(CancellationToken cancellationToken = default) =>
        [.. (await new ModelRegistry(governance.Workspace).ListAsync(cancellationToken)).Where(m => m.Aliases.ContainsKey(ModelAliases.Production)).Select(m => m.Name)];
}
