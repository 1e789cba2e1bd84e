using System.Text.Json;
using Raciflow.Data;
using Raciflow.Cli.Examples;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Audit;
using Raciflow.Monitoring.Alerts;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Workflows.Promotion;
using Raciflow.Workflows.Retraining;
using Raciflow.Registry;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Monitoring;
using Raciflow.Tests.Monitoring.Alerts;
using Raciflow.Tests.Registry;
using Raciflow.Tests.Support;
using Raciflow.Tracking;

namespace Raciflow.Tests.Workflows.Retraining;

/// <summary>The closed loop: served v1 → drift alert → retraining → challenger → approval → production v2 → rollback.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class RetrainingLoopTests
{
    private static readonly DateTimeOffset Now = AlertServiceTests.Now;

    private const string DriftRetrains = """

        monitoring:
          alerts:
            window: 1h
            drift_share: 0.5
        retraining:
          on: [drift-alert]
        """;

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ADriftAlertRetrainsOnceAndTheAccountablePromotesTheChallengerThenRollsBack(StoreKind kind)
    {
        var clock = new FixedClock(Now);
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.Fixed + DriftRetrains, clock);
        var tokens = await ws.EnrolAsync(("owner", "business-stakeholder"), ("dana", "data-scientist"), ("max", "ml-engineer"), ("omar", "devops-engineer"));
        var served = await MonitoredStudents.ServeAsync(ws);
        var shifted = await StudentTraffic.InputsAsync(ws.Workspace, served, shifted: true);
        await MonitoredStudents.LogAsync(ws.Workspace, StudentTraffic.Records(served, shifted.Take(80).ToList(), Now.AddMinutes(-30), TimeSpan.FromSeconds(10)));
        var scheduler = GovernanceHandlers.Register(ws.Anonymous);

        var cycle = await new MonitoringCycle(scheduler).RunAsync("students");

        var alert = Assert.Single(cycle.Alerts.Opened);
        Assert.Equal(AlertRules.Drift, alert.Rule);
        var retraining = Assert.Single(cycle.Retrainings);
        Assert.Equal(("students@1", "students@2", 2), (retraining.Champion, retraining.Challenger, retraining.ChallengerVersion));
        Assert.False(retraining.AutoPromoted);
        Assert.Contains("test rows of students@1", retraining.Holdout, StringComparison.Ordinal);
        Assert.Equal("r2", retraining.PrimaryMetric);
        Assert.Equal(retraining.ChallengerScores["r2"] - retraining.ChampionScores["r2"], retraining.Margin, 12);

        // The run says why it ran; the challenger holds its alias; production is untouched until the Accountable decides.
        var run = await new TrackingService(ws.Workspace).GetRunAsync(retraining.RunId);
        Assert.Equal(("alert", alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "students@1"), (run.Run.Tags["retraining.trigger"], run.Run.Tags["retraining.alert"], run.Run.Tags["retraining.champion"]));
        var registry = new ModelRegistry(ws.Workspace);
        Assert.Equal(2, (await registry.GetAsync(ModelRef.ForAlias("students", RetrainingService.ChallengerAlias))).Version);
        Assert.Equal(1, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);
        Assert.StartsWith("students@2 from run", (await new AlertService(scheduler).GetAsync(alert.Id)).Retraining, StringComparison.Ordinal);

        var approvals = GovernanceHandlers.Register(ws.As(tokens["max"])).Approvals;
        var request = await approvals.GetAsync(retraining.ApprovalId!.Value);
        Assert.Equal((ApprovalStatus.Pending, "packaging-deployment", RetrainingService.PolicyActor), (request.Status, request.Task, request.RequestedBy));
        var evidence = JsonSerializer.Deserialize<PromotionEvidence>(request.EvidenceJson!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("students@1", evidence.Current);
        Assert.Equal(retraining.ChampionScores["r2"], double.Parse(evidence.Notes!["champion_r2"], System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.Equal(retraining.ChallengerScores["r2"], double.Parse(evidence.Notes["challenger_r2"], System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.Contains("margin", evidence.Notes.Keys);
        Assert.Contains("kpis", evidence.Notes.Keys);

        // The alert stays open, so the next evaluation updates it and does not retrain again.
        clock.Now = Now.AddMinutes(1);
        var again = await new MonitoringCycle(scheduler).RunAsync("students");
        Assert.Equal([alert.Id], again.Alerts.Updated.Select(a => a.Id));
        Assert.Empty(again.Retrainings);
        Assert.Equal(2, (await registry.VersionsAsync("students")).Count);

        // Only the Accountable of packaging-deployment decides; approving performs the promotion.
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<RaciflowException>(() => GovernanceHandlers.Register(ws.As(tokens["dana"])).Approvals.ApproveAsync(request.Id, "ok"))).Kind);
        Assert.True((await approvals.ApproveAsync(request.Id, "challenger holds up")).Performed);
        Assert.Equal(2, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);

        var back = await new PromotionService(GovernanceHandlers.Register(ws.As(tokens["max"]))).RollbackAsync("students");
        Assert.Equal((2, 1), (back.From!.Value, back.To!.Value));
        Assert.Equal(1, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);

        var audit = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Limit: 200));
        Assert.Contains(audit, e => e.Action == "retrain" && e.Actor == RetrainingService.PolicyActor && e.Outcome == AuditOutcome.Allowed);
        Assert.Contains(audit, e => e.Action == "models.rollback" && e.Actor == "max");
        Assert.True((await AuditLog.VerifyAsync(ws.Workspace.Metadata)).IsIntact);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task RetrainingByHandNeedsRetrainingsROrAAndComparesOnTestRowsTheChampionNeverSaw(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "business-stakeholder"), ("dana", "data-scientist"), ("max", "ml-engineer"), ("omar", "devops-engineer"));
        await MonitoredStudents.ServeAsync(ws);
        var csv = Path.Combine(ws.Folder.Path, "students-new.csv");
        await File.WriteAllTextAsync(csv, StudentPerformanceGenerator.GenerateCsv(400, 11));
        await new DatasetService(ws.Workspace).AddAsync(csv, "students", null);

        var denied = await Assert.ThrowsAsync<RaciflowException>(() => new RetrainingService(GovernanceHandlers.Register(ws.As(tokens["omar"]))).RetrainAsync("students", "weekly"));
        Assert.Equal(ErrorKind.Forbidden, denied.Kind);

        var result = await new RetrainingService(GovernanceHandlers.Register(ws.As(tokens["dana"]))).RetrainAsync("students", "new term's data");

        Assert.Equal(("students@2", "by hand: new term's data"), (result.Dataset, result.Trigger));
        Assert.Matches(@"^the \d+ test rows of students@2 \(split \d+\) that are not in students@1$", result.Holdout);
        var request = await ws.As(tokens["max"]).Approvals.GetAsync(result.ApprovalId!.Value);
        Assert.Equal(("dana", ApprovalStatus.Pending), (request.RequestedBy, request.Status));
        var run = await new TrackingService(ws.Workspace).GetRunAsync(result.RunId);
        Assert.Equal(("manual", "new term's data"), (run.Run.Tags["retraining.trigger"], run.Run.Tags["retraining.reason"]));
    }

    [Fact]
    public async Task AutoPromotionMovesProductionOnlyWhereThePolicyAllowsItAndTheChallengerIsBetter()
    {
        // A champion fitted on 40 rows against a challenger on 600 more: the challenger wins on fresh rows.
        var yaml = GovernanceYaml.Fixed.Replace("min: 0.8", "min: 0.1", StringComparison.Ordinal) + "\nretraining:\n  auto_promote: true\n";
        using var ws = await GovernanceWorkspace.CreateAsync(StoreKind.Local, yaml);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, rows: 40);
        var registry = new ModelRegistry(ws.Workspace);
        await registry.RegisterAsync(report.Best.RunId, "students");
        await registry.SetAliasAsync("students", 1, ModelAliases.Production);
        var csv = Path.Combine(ws.Folder.Path, "students-more.csv");
        await File.WriteAllTextAsync(csv, StudentPerformanceGenerator.GenerateCsv(600, 12));
        await new DatasetService(ws.Workspace).AddAsync(csv, "students", null);

        var result = await new RetrainingService(GovernanceHandlers.Register(ws.Anonymous)).RetrainAsync("students");

        Assert.True(result.Margin > 0, $"challenger {result.ChallengerScores["r2"]} vs champion {result.ChampionScores["r2"]}");
        Assert.True(result.AutoPromoted);
        Assert.Null(result.ApprovalId);
        Assert.Equal(2, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);
        Assert.Equal("auto-promotion", (await registry.AliasHistoryAsync("students", ModelAliases.Production))[0].Reason);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task IncludeFeedbackTrainsOnTheChampionsDataPlusLabelledTrafficSavedAsANewDatasetVersion(StoreKind kind)
    {
        var clock = new FixedClock(Now);
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.Fixed + "\nretraining:\n  include_feedback: true\n", clock);
        var tokens = await ws.EnrolAsync(("owner", "business-stakeholder"), ("dana", "data-scientist"), ("max", "ml-engineer"), ("omar", "devops-engineer"));
        var served = await MonitoredStudents.ServeAsync(ws);
        var reference = await new DatasetService(ws.Workspace).ResolveAsync(DatasetRef.Parse("students@1"));

        // 120 students from a shifted district are served after the reference was made; 100 of them get their true math score.
        var students = StudentPerformanceGenerator.Generate(120, 21, StudentCohort.NewDistrict).ToList();
        var inputs = students.Select(s => s.Inputs().ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)).ToList();
        var records = StudentTraffic.Records(served, inputs, Now.AddMinutes(1), TimeSpan.FromSeconds(1));
        await MonitoredStudents.LogAsync(ws.Workspace, records);
        clock.Now = Now.AddMinutes(10);
        await new Raciflow.Monitoring.Feedback.FeedbackService(ws.Workspace).RecordAsync(
            "students",
            records.Take(100).Select((r, i) => new Raciflow.Monitoring.Feedback.FeedbackRecord(r.RequestId, students[i].MathScore.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var result = await new RetrainingService(GovernanceHandlers.Register(ws.As(tokens["dana"]))).RetrainAsync("students", "feedback came in");

        Assert.Equal(("students@2", 100), (result.Dataset, result.FeedbackRows));
        var datasets = new DatasetService(ws.Workspace);
        var withFeedback = await datasets.ResolveAsync(DatasetRef.Parse("students@2"));
        Assert.Equal((reference.RowCount + 100, reference.Id), (withFeedback.RowCount, withFeedback.ParentId!.Value));
        var frame = await datasets.LoadFrameAsync(withFeedback);
        var first = (int)reference.RowCount;
        for (var i = 0; i < 100; i++)
        {
            var s = students[i];
            Assert.Equal(
                (s.Gender, s.Lunch, s.ParentalLevelOfEducation, (double)s.ReadingScore, (double)s.MathScore),
                (frame["gender"].Format(first + i), frame["lunch"].Format(first + i), frame["parental_level_of_education"].Format(first + i), ((NumericColumn)frame["reading_score"]).Values[first + i], ((NumericColumn)frame["math_score"]).Values[first + i]));
        }

        var run = await new TrackingService(ws.Workspace).GetRunAsync(result.RunId);
        Assert.Contains("students@2", JsonSerializer.Serialize(run), StringComparison.Ordinal);
        var request = await ws.As(tokens["max"]).Approvals.GetAsync(result.ApprovalId!.Value);
        var evidence = JsonSerializer.Deserialize<PromotionEvidence>(request.EvidenceJson!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("students@2: the champion's data plus 100 labelled feedback rows", evidence.Notes!["dataset"]);

        // Nothing new came back, so a second retraining finds the same content: the same version, nothing stored twice.
        var again = await new RetrainingService(GovernanceHandlers.Register(ws.As(tokens["dana"]))).RetrainAsync("students", "again");
        Assert.Equal(("students@2", 100), (again.Dataset, again.FeedbackRows));
        Assert.Equal(2, (await datasets.VersionsAsync("students")).Count);
    }

    [Fact]
    public async Task IncludeFeedbackWithoutLabelledTrafficTrainsOnTheLatestVersion()
    {
        using var ws = await GovernanceWorkspace.CreateAsync(StoreKind.Local, GovernanceYaml.Fixed + "\nretraining:\n  include_feedback: true\n");
        await MonitoredStudents.ServeAsync(ws);

        var result = await new RetrainingService(GovernanceHandlers.Register(ws.Anonymous)).RetrainAsync("students");

        Assert.Equal(("students@1", 0), (result.Dataset, result.FeedbackRows));
        Assert.Single(await new DatasetService(ws.Workspace).VersionsAsync("students"));
    }
}
