using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Raciflow.Projects;
using Raciflow.Workspaces;

namespace Raciflow.Server.Monitoring;

/// <summary>
/// Quartz.NET inside the server: alert evaluation every monitoring.evaluate_every (default 1m), and the retraining
/// policy's cron when it has one. Both read the project as the server started with it.
/// </summary>
public static class MonitoringSchedule
{
    public static IServiceCollection AddMonitoringSchedule(this IServiceCollection services, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var every = DurationText.Parse(workspace.Project?.Monitoring.EvaluateEvery ?? "1m", "monitoring.evaluate_every");
        var cron = workspace.Project?.Retraining.Schedule;
        if (cron is not null && !CronExpression.TryParse(cron, out _))
        {
            throw RaciflowException.Invalid($"raciflow.yaml: retraining.schedule '{cron}' is not a Quartz cron expression (seconds first, e.g. '0 0 3 ? * MON').", "retraining.schedule");
        }

        services.AddQuartz(q =>
        {
            var alerts = new JobKey("alert-evaluation");
            q.AddJob<AlertEvaluationJob>(j => j.WithIdentity(alerts));
            q.AddTrigger(t => t.ForJob(alerts).StartAt(workspace.Clock.GetUtcNow() + every).WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()));
            if (cron is not null)
            {
                var retraining = new JobKey("scheduled-retraining");
                q.AddJob<ScheduledRetrainingJob>(j => j.WithIdentity(retraining));
                q.AddTrigger(t => t.ForJob(retraining).WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
