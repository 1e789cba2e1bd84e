using Microsoft.Extensions.Logging;
using Quartz;
using Raciflow.Governance;
using Raciflow.Governance.Members;
using Raciflow.Workflows;
using Raciflow.Workflows.Retraining;
using Raciflow.Workspaces;

namespace Raciflow.Server.Monitoring;

/// <summary>
/// The scheduled monitor: evaluates the alert rules of every model with a production alias (and starts the
/// retrainings the policy asks for). One model's failure is logged and does not stop the others.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class AlertEvaluationJob(Workspace workspace, ILogger<AlertEvaluationJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var governance = GovernanceHandlers.Register(new GovernanceService(workspace, Credentials.None));
        var cycle = new MonitoringCycle(governance);
        foreach (var model in await cycle.ProductionModelsAsync(cancellationToken))
        {
            try
            {
                var result = await cycle.RunAsync(model, cancellationToken);
                LogEvaluated(model, result.Alerts.Opened.Count, result.Alerts.Updated.Count, result.Retrainings.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailure(model, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts of {Model}: {Opened} opened, {Updated} still firing, {Retrainings} retrainings started")]
    private partial void LogEvaluated(string model, int opened, int updated, int retrainings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not evaluate the alerts of {Model}: {Reason}")]
    private partial void LogFailure(string model, string reason);
}
