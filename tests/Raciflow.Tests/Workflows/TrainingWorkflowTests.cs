using Raciflow.Data;
using Raciflow.Cli.Examples;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Tracking;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Workflows;

[Trait("Category", TestServices.Integration)]
public sealed class TrainingWorkflowTests
{
    private const string Project = """
        project: students
        problem:
          kpis:
            - metric: r2
              min: 0.5
            - metric: mae
              max: 0.01
        data:
          name: students
          target: math_score
          task: regression
          split: { train: 0.6, validation: 0.2, test: 0.2, seed: 7 }
        """;

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TrainingRecordsAParentRunAndOneRunPerAlgorithmWithItsModelAndPlots(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, Project);
        var csv = ws.Folder.Write("students.csv", StudentPerformanceGenerator.GenerateCsv(300, 3));
        await new DatasetService(ws.Workspace).AddAsync(csv, "students", null);

        var report = await new TrainingWorkflow(ws.Workspace).RunAsync(new TrainOptions { Algorithms = ["linear", "decision-tree"], Trials = 2, Folds = 3 });

        Assert.Equal(["decision-tree", "linear"], report.Leaderboard.Select(e => e.Algorithm).Order());
        Assert.Equal("r2", report.PrimaryMetric);
        Assert.True(report.Best.TestScore > 0.5, $"best test r2 {report.Best.TestScore}");
        Assert.Equal([true, false], report.Kpis.Select(k => k.Passed));
        Assert.False(report.KpisPassed);

        var tracking = new TrackingService(ws.Workspace);
        var parent = await tracking.GetRunAsync(report.ParentRunId);
        Assert.Equal(RunStatus.Finished, parent.Run.Status);
        Assert.Equal(report.SplitId, parent.Lineage.SplitId);
        foreach (var entry in report.Leaderboard)
        {
            var run = await tracking.GetRunAsync(entry.RunId);
            Assert.Equal(report.ParentRunId, run.Run.ParentRunId);
            Assert.Equal(entry.Algorithm, run.Run.Params["algorithm"]);
            var artifacts = (await tracking.ListArtifactsAsync(entry.RunId)).Select(a => a.Path).ToList();
            Assert.Contains("model/bundle.zip", artifacts);
            Assert.Contains("plots/predicted-vs-actual.svg", artifacts);
            Assert.Contains("plots/tuning-history.svg", artifacts);
            Assert.Contains("feature_importance.json", artifacts);
        }
    }

    [Fact]
    public async Task AnUnknownTargetIsRejectedBeforeAnyRunStarts()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local, Project);
        var csv = ws.Folder.Write("students.csv", StudentPerformanceGenerator.GenerateCsv(100, 3));
        await new DatasetService(ws.Workspace).AddAsync(csv, "students", null);

        var ex = await Assert.ThrowsAsync<RaciflowException>(() => new TrainingWorkflow(ws.Workspace).RunAsync(new TrainOptions { Target = "nope" }));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await new TrackingService(ws.Workspace).SearchRunsAsync(new RunSearchRequest()));
    }
}
