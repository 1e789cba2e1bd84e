using Raciflow.Governance.Audit;
using Raciflow.Governance.Notifications;
using Raciflow.Monitoring.Alerts;
using Raciflow.Monitoring.Feedback;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Monitoring.Alerts;

/// <summary>Alert rules over a hand-made prediction log of a real production model, and the alert lifecycle.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class AlertServiceTests
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const string AllRules = """

        monitoring:
          evaluate_every: 1m
          alerts:
            window: 1h
            drift_share: 0.5
            performance: true
            min_labelled: 5
            latency_p99_ms: 50
            error_rate: 0.1
            no_traffic: 10m
        """;

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task EveryRuleWhoseConditionHoldsOpensOneAlertThatReEvaluationUpdates(StoreKind kind)
    {
        var clock = new FixedClock(Now);
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.Fixed + AllRules, clock);
        var served = await MonitoredStudents.ServeAsync(ws);

        // 100 shifted requests 50 to 25 minutes ago, latencies 1..100 ms, every 8th failing (13 of 100); none in the last 10 minutes.
        var records = StudentTraffic.Records(served, (await StudentTraffic.InputsAsync(ws.Workspace, served, shifted: true)).Take(100).ToList(), Now.AddMinutes(-50), TimeSpan.FromSeconds(15), i => i + 1, i => i % 8 == 0);
        await MonitoredStudents.LogAsync(ws.Workspace, records);

        // Feedback 30 points above every prediction: R² far below the KPI (r2 ≥ 0.8).
        await new FeedbackService(ws.Workspace).RecordAsync("students", records.Where(r => r.Output is not null).Select(r => new FeedbackRecord(r.RequestId, (r.Output!.Value!.Value + 30).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var alerts = new AlertService(ws.Anonymous);

        var first = await alerts.EvaluateAsync("students");

        Assert.Empty(first.Skipped);
        Assert.Empty(first.Updated);
        var byRule = first.Opened.ToDictionary(a => a.Rule);
        Assert.Equal([AlertRules.Drift, AlertRules.Errors, AlertRules.Latency, AlertRules.NoTraffic, AlertRules.Performance], byRule.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(99, byRule[AlertRules.Latency].Value);
        Assert.Equal(0.13, byRule[AlertRules.Errors].Value!.Value, 12);
        Assert.True(byRule[AlertRules.Drift].Value > 0.5);
        Assert.Contains("reading_score", byRule[AlertRules.Drift].Message, StringComparison.Ordinal);
        Assert.True(byRule[AlertRules.Performance].Value < 0.8);
        Assert.All(first.Opened, a => Assert.Equal((AlertStatus.Open, 1, 1), (a.Status, a.Version, a.Occurrences)));

        clock.Now = Now.AddMinutes(1);
        var second = await alerts.EvaluateAsync("students");

        Assert.Empty(second.Opened);
        Assert.Equal(first.Opened.Select(a => a.Id).Order(), second.Updated.Select(a => a.Id).Order());
        var listed = await alerts.ListAsync("students");
        Assert.Equal(5, listed.Count);
        Assert.All(listed, a => Assert.Equal((2, Now.AddMinutes(1).UtcDateTime, Now.UtcDateTime), (a.Occurrences, a.LastSeenAt, a.OpenedAt)));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AlertsAreAcknowledgedAndResolvedByMonitoringsResponsibleOnlyAndTheInformedAreTold(StoreKind kind)
    {
        var clock = new FixedClock(Now);
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.Fixed + AllRules, clock);
        var tokens = await ws.EnrolAsync(("owner", "business-stakeholder"), ("dana", "data-scientist"), ("max", "ml-engineer"), ("omar", "devops-engineer"));
        var served = await MonitoredStudents.ServeAsync(ws);

        // Healthy traffic that ended 20 minutes ago: only the no-traffic rule holds.
        var records = StudentTraffic.Records(served, (await StudentTraffic.InputsAsync(ws.Workspace, served, shifted: false)).Take(60).ToList(), Now.AddMinutes(-40), TimeSpan.FromSeconds(10));
        await MonitoredStudents.LogAsync(ws.Workspace, records);
        await new FeedbackService(ws.Workspace).RecordAsync("students", records.Select(r => new FeedbackRecord(r.RequestId, r.Output!.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var evaluation = await new AlertService(ws.Anonymous).EvaluateAsync("students");

        var alert = Assert.Single(evaluation.Opened);
        Assert.Equal(AlertRules.NoTraffic, alert.Rule);
        await ws.Anonymous.DispatchAsync(new HttpClient());
        foreach (var member in new[] { "owner", "dana", "max", "omar" })
        {
            Assert.Contains(await InboxService.ListAsync(ws.Workspace.Metadata, member, unreadOnly: true), i => i.Event == "alert.opened" && i.Task == "monitoring-maintenance");
        }

        AlertService As(string member) => new(ws.As(tokens[member]));
        var denied = await Assert.ThrowsAsync<RaciflowException>(() => As("dana").AckAsync(alert.Id));
        Assert.Equal(ErrorKind.Forbidden, denied.Kind);

        clock.Now = Now.AddMinutes(2);
        var acked = await As("omar").AckAsync(alert.Id, "looking");
        Assert.Equal((AlertStatus.Acknowledged, "omar", Now.AddMinutes(2).UtcDateTime), (acked.Status, acked.AcknowledgedBy, acked.AcknowledgedAt!.Value));
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<RaciflowException>(() => As("max").AckAsync(alert.Id))).Kind);

        // Still acknowledged, so re-evaluation updates it rather than opening another.
        Assert.Equal([alert.Id], (await new AlertService(ws.Anonymous).EvaluateAsync("students")).Updated.Select(a => a.Id));

        var resolved = await As("max").ResolveAsync(alert.Id, "traffic moved to the new gateway");
        Assert.Equal((AlertStatus.Resolved, "max"), (resolved.Status, resolved.ResolvedBy));
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<RaciflowException>(() => As("max").ResolveAsync(alert.Id))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<RaciflowException>(() => As("max").ResolveAsync(alert.Id + 100))).Kind);

        // Resolved: the rule, still holding, opens a new alert.
        var again = await new AlertService(ws.Anonymous).EvaluateAsync("students");
        Assert.NotEqual(alert.Id, Assert.Single(again.Opened).Id);

        var audit = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Limit: 200));
        Assert.Contains(audit, e => e.Action == "alerts.ack" && e.Actor == "omar" && e.Outcome == AuditOutcome.Allowed);
        Assert.Contains(audit, e => e.Action == "alerts.resolve" && e.Actor == "max" && e.Outcome == AuditOutcome.Allowed);
        Assert.Contains(audit, e => e.Action == "alerts.ack" && e.Actor == "dana" && e.Outcome == AuditOutcome.Denied);
    }
}
