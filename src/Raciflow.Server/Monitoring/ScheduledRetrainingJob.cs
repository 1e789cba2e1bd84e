using Microsoft.Extensions.Logging;
using Quartz;
using Raciflow.Governance;
using Raciflow.Governance.Members;
using Raciflow.Workflows;
using Raciflow.Workflows.Retraining;
using Raciflow.Workspaces;

namespace Raciflow.Server.Monitoring;

/// <summary>retraining.schedule: retrains every production model on the policy's cron.</summary>
[DisallowConcurrentExecution]
internal sealed partial class ScheduledRetrainingJob(Workspace workspace, ILogger<ScheduledRetrainingJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var governance = GovernanceHandlers.Register(new GovernanceService(workspace, Credentials.None));
        var cron = workspace.Project?.Retraining.Schedule ?? string.Empty;
        foreach (var model in await new MonitoringCycle(governance).ProductionModelsAsync(cancellationToken))
        {
            try
            {
                var result = await new RetrainingService(governance).RetrainByPolicyAsync(model, RetrainingTrigger.Scheduled(cron), cancellationToken);
                LogRetrained(model, result.Challenger, result.Margin);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailure(model, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled retraining of {Model}: challenger {Challenger}, margin {Margin}")]
    private partial void LogRetrained(string model, string challenger, double margin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled retraining of {Model} failed: {Reason}")]
    private partial void LogFailure(string model, string reason);
}
