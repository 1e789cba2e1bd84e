using System.Security.Cryptography;
using Raciflow.Data;
using Raciflow.Projects;
using Raciflow.Registry;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Registry;

[Trait("Category", TestServices.Integration)]
public sealed class LineageTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task LineageLeadsFromAModelVersionToItsSourceFileAndBack(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, ["linear", "decision-tree"]);
        var registry = new ModelRegistry(ws.Workspace);
        await registry.RegisterAsync(report.Leaderboard[0].RunId, "students");
        await registry.SetAliasAsync("students", 1, "production");
        var sourceHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(ws.Folder.Path, "students-3.csv"))));
        var lineage = new LineageService(ws.Workspace);

        var down = await lineage.ForModelAsync(ModelRef.Parse("students@production"));

        Assert.Equal(report.Leaderboard[0].RunId, down.Run.Id);
        Assert.Equal(report.ParentRunId, down.ParentRun!.Id);
        Assert.Equal("students@1", down.Dataset!.Label);
        Assert.Equal(sourceHash, down.Dataset.SourceSha256);
        Assert.Equal(report.SplitId, down.Split!.Id);

        var up = await lineage.ForDatasetAsync(DatasetRef.Parse("students@1"));

        Assert.Contains(report.Leaderboard[0].RunId, up.Runs.Select(r => r.Id));
        Assert.Contains(report.ParentRunId, up.Runs.Select(r => r.Id));
        var model = Assert.Single(up.ModelVersions);
        Assert.Equal("students@1", model.Label);
        Assert.Equal(["production"], model.Aliases);
    }

    [Fact]
    public async Task TheModelCardStatesTheProblemKpiVerdictDataAndInputs()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path);
        await new ModelRegistry(ws.Workspace).RegisterAsync(report.Best.RunId, "students");
        var project = new ProjectConfig { Problem = new ProblemConfig { Statement = "Predict math scores early.", Kpis = [new KpiConfig { Metric = "r2", Min = 0.5 }, new KpiConfig { Metric = "mae", Max = 0.01 }] } };

        var card = ModelCard.Render(await new LineageService(ws.Workspace).ForModelAsync(ModelRef.Parse("students@1")), project);

        Assert.StartsWith("# Model card: students@1", card, StringComparison.Ordinal);
        Assert.Contains("Predict math scores early.", card, StringComparison.Ordinal);
        Assert.Matches(@"\| r2 ≥ 0\.5 \| 0\.\d+ \| pass \|", card);
        Assert.Matches(@"\| mae ≤ 0\.01 \| \d+(\.\d+)? \| FAIL \|", card);
        Assert.Contains("`students@1`", card, StringComparison.Ordinal);
        Assert.Matches(@"\| lunch \| categorical \| no \| (standard, free/reduced|free/reduced, standard) \|", card);
        Assert.Contains("## Limitations", card, StringComparison.Ordinal);
    }
}
