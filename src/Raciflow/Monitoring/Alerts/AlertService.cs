using Microsoft.EntityFrameworkCore;
using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Notifications;
using Raciflow.Governance.Raci;
using Raciflow.Monitoring.ModelDrift;
using Raciflow.Monitoring.Performance;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Projects;
using Raciflow.Registry;

namespace Raciflow.Monitoring.Alerts;

/// <summary>
/// Evaluates a production model's alert rules (monitoring.alerts of raciflow.yaml) over its recent traffic, keeps
/// one unresolved alert per model and rule, and tells people: the R and A of monitoring-maintenance are asked to
/// act, its I roles are told. Acknowledging and resolving are governed actions.
/// </summary>
public sealed class AlertService(GovernanceService governance)
{
    /// <summary>Who raised an alert: the rules in raciflow.yaml, not a person.</summary>
    public const string Monitor = "raciflow-monitor";

    /// <summary>
    /// Each rule looks at the newest this many predictions of its window at most, and reads traffic only when a rule
    /// needs it: the server evaluates every minute, and a busy hour is far more rows than memory should hold.
    /// </summary>
    public const int MaxRowsPerRule = 100_000;

    private Workspaces.Workspace Workspace => governance.Workspace;

    public async Task<AlertEvaluation> EvaluateAsync(string model, CancellationToken cancellationToken = default)
    {
        ModelNames.Validate(model);
        var config = Workspace.Project?.Monitoring.Alerts ?? new AlertsConfig();
        var window = DurationText.Parse(config.Window, "monitoring.alerts.window");
        var to = Workspace.Clock.GetUtcNow();
        var from = to - window;
        var served = await new ModelRegistry(Workspace).GetServedAsync(ModelRef.ForAlias(model, ModelAliases.Production), cancellationToken);
        var reader = new PredictionLogReader(Workspace);
        var quiet = config.NoTraffic is { } quietText ? DurationText.Parse(quietText, "monitoring.alerts.no_traffic") : (TimeSpan?)null;
        var traffic = config.LatencyP99Ms is not null || config.ErrorRate is not null || quiet == window
            ? await reader.ReadNewestAsync(model, null, from, to, MaxRowsPerRule, cancellationToken: cancellationToken)
            : [];
        var findings = new List<AlertFinding?>();
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config.LatencyP99Ms is { } latency)
        {
            findings.Add(AlertConditions.Latency(traffic, latency));
        }

        if (config.ErrorRate is { } errorRate)
        {
            findings.Add(AlertConditions.ErrorRate(traffic, errorRate));
        }

        if (quiet is { } quietSpan)
        {
            var recent = quietSpan == window ? traffic : await reader.ReadNewestAsync(model, null, to - quietSpan, to, MaxRowsPerRule, cancellationToken: cancellationToken);
            findings.Add(AlertConditions.NoTraffic(recent.Count, quietSpan, config.NoTraffic!));
        }

        if (config.DriftShare is { } driftShare)
        {
            findings.Add(await DriftAsync(model, served.Version, driftShare, from, to, skipped, cancellationToken));
        }

        if (config.Performance)
        {
            var kpis = Workspace.Project?.Problem.Kpis ?? [];
            if (kpis.Count == 0)
            {
                skipped[AlertRules.Performance] = "problem.kpis names no KPI to compare with";
            }
            else
            {
                var series = await new PerformanceService(Workspace).ComputeAsync(model, window, from, to, MaxRowsPerRule, cancellationToken);
                var point = series.Points.Where(p => p.Version == served.Version).OrderByDescending(p => p.Labelled).FirstOrDefault();
                findings.Add(point is null ? null : AlertConditions.Performance(point, kpis, config.MinLabelled));
            }
        }

        var (opened, updated) = await RecordAsync(model, served.Version, findings.OfType<AlertFinding>().ToList(), cancellationToken);
        return new AlertEvaluation(model, served.Version, from, to, opened, updated, skipped);
    }

    public async Task<IReadOnlyList<Alert>> ListAsync(string? model = null, string? status = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        if (status is not null && !AlertStatus.All.Contains(status))
        {
            throw RaciflowException.Invalid($"Unknown alert status '{status}'; use {string.Join(", ", AlertStatus.All)}.", "status");
        }

        await using var db = Workspace.Metadata.CreateContext();
        var query = db.Set<Alert>().AsNoTracking();
        if (model is not null)
        {
            query = query.Where(a => a.Model == model);
        }

        if (status is not null)
        {
            query = query.Where(a => a.Status == status);
        }

        return await query.OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 10_000)).ToListAsync(cancellationToken);
    }

    public async Task<Alert> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = Workspace.Metadata.CreateContext();
        return await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw RaciflowException.NotFound($"There is no alert {id}; 'raciflow alerts list' shows them.");
    }

    /// <summary>Someone of monitoring-maintenance (R or A) takes the alert on.</summary>
    public Task<Alert> AckAsync(long id, string? note = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(GovernedActions.AlertsAck, id, (alert, actor) =>
        {
            if (alert.Status != AlertStatus.Open)
            {
                throw RaciflowException.Conflict($"Alert {id} is {alert.Status}{By(alert)}; only an open alert can be acknowledged.");
            }

            alert.Status = AlertStatus.Acknowledged;
            alert.AcknowledgedBy = actor;
            alert.AcknowledgedAt = Workspace.UtcNow;
            alert.ResolutionNote = note ?? alert.ResolutionNote;
        }, cancellationToken);

    /// <summary>Closes the alert; the rule may raise a new one at its next evaluation.</summary>
    public Task<Alert> ResolveAsync(long id, string? note = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(GovernedActions.AlertsResolve, id, (alert, actor) =>
        {
            if (alert.Status == AlertStatus.Resolved)
            {
                throw RaciflowException.Conflict($"Alert {id} is already resolved{By(alert)}.");
            }

            alert.Status = AlertStatus.Resolved;
            alert.OpenKey = null;
            alert.ResolvedBy = actor;
            alert.ResolvedAt = Workspace.UtcNow;
            alert.ResolutionNote = note ?? alert.ResolutionNote;
        }, cancellationToken);

    /// <summary>Authorises the caller, then changes the alert and audits the change in one transaction.</summary>
    private async Task<Alert> ChangeAsync(string action, long id, Action<Alert, string> change, CancellationToken cancellationToken)
    {
        var target = $"alert {id}";
        var grant = await governance.AuthorizeAsync(action, target, cancellationToken);
        return await GovernanceTransaction.RunAsync(Workspace.Metadata, async db =>
        {
            var alert = await FindAsync(db, id, cancellationToken);
            var before = alert.Status;
            change(alert, grant.Actor);
            await db.SaveChangesAsync(cancellationToken);
            await governance.AuditAsync(grant with { Target = $"{target} ({alert.Model} {alert.Rule})" }, before, alert.Status, db, cancellationToken: cancellationToken);
            return alert;
        }, cancellationToken);
    }

    /// <summary>
    /// Marks the alert as having started <paramref name="what"/>; false when it already started something, so an
    /// alert that stays open over many evaluations starts one retraining, not one per evaluation.
    /// </summary>
    public async Task<bool> ClaimRetrainingAsync(long id, string what, CancellationToken cancellationToken = default)
    {
        await using var db = Workspace.Metadata.CreateContext();
        var claimed = await db.Set<Alert>().Where(a => a.Id == id && a.Retraining == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Retraining, what), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Records what happened after a claim (the run, the challenger), replacing the claim's placeholder.</summary>
    public async Task NoteRetrainingAsync(long id, string what, CancellationToken cancellationToken = default)
    {
        await using var db = Workspace.Metadata.CreateContext();
        await db.Set<Alert>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Retraining, what), cancellationToken);
    }

    private async Task<AlertFinding?> DriftAsync(string model, int version, double threshold, DateTimeOffset from, DateTimeOffset to, Dictionary<string, string> skipped, CancellationToken cancellationToken)
    {
        try
        {
            var drift = await new ModelDriftService(Workspace).AnalyzeAsync(ModelRef.ForAlias(model, ModelAliases.Production), DriftCurrent.Window(from, to) with { MaxRows = MaxRowsPerRule }, cancellationToken);
            return AlertConditions.Drift(drift.Report, version, threshold);
        }
        catch (RaciflowException ex) when (ex.Kind is ErrorKind.NotFound or ErrorKind.Unprocessable)
        {
            // No traffic in the window, or no training rows to compare with: nothing to say about drift now.
            skipped[AlertRules.Drift] = ex.Message;
            return null;
        }
    }

    private async Task<(List<Alert> Opened, List<Alert> Updated)> RecordAsync(string model, int version, List<AlertFinding> findings, CancellationToken cancellationToken)
    {
        var opened = new List<Alert>();
        var updated = new List<Alert>();
        var now = Workspace.UtcNow;
        await using (var db = Workspace.Metadata.CreateContext())
        {
            var open = await db.Set<Alert>().Where(a => a.Model == model && a.OpenKey != null).ToListAsync(cancellationToken);
            foreach (var finding in findings)
            {
                var alert = open.FirstOrDefault(a => a.Rule == finding.Rule);
                if (alert is null)
                {
                    alert = new Alert
                    {
                        Model = model,
                        Rule = finding.Rule,
                        Status = AlertStatus.Open,
                        OpenKey = $"{model}/{finding.Rule}",
                        Message = finding.Message,
                        OpenedAt = now,
                    };
                    db.Add(alert);
                    opened.Add(alert);
                }
                else
                {
                    updated.Add(alert);
                }

                alert.Version = finding.Version ?? version;
                alert.Message = Truncate(finding.Message);
                alert.Value = finding.Value is { } v && double.IsFinite(v) ? v : null;
                alert.Threshold = finding.Threshold;
                alert.Occurrences++;
                alert.LastSeenAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var alert in opened)
        {
            await governance.NotifyAsync(
                new Notification("alert.opened", LifecycleTasks.MonitoringMaintenance, Monitor, $"{alert.Model} alert {alert.Id}", $"Alert {alert.Id} on {alert.Model}@{alert.Version} ({alert.Rule}): {alert.Message}", ActionNeeded: true),
                cancellationToken);
        }

        return (opened, updated);
    }

    private static async Task<Alert> FindAsync(Storage.Metadata.RaciflowDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Set<Alert>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw RaciflowException.NotFound($"There is no alert {id}; 'raciflow alerts list' shows them.");

    private static string By(Alert alert) => alert.Status switch
    {
        AlertStatus.Acknowledged => $" (by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC)",
        AlertStatus.Resolved => $" (by {alert.ResolvedBy} at {alert.ResolvedAt:yyyy-MM-dd HH:mm} UTC)",
        _ => string.Empty,
    };

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1997] + "...";
}
