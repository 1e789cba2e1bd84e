using System.Security.Cryptography;
using Raciflow.Data;
using Raciflow.Registry;
using Raciflow.Tests.Support;
using Raciflow.Tracking;

namespace Raciflow.Tests.Registry;

[Trait("Category", TestServices.Integration)]
public sealed class ModelRegistryTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task RegisteringRunsNumbersVersionsAndRecordsLineageSignatureAndBundle(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, ["linear", "decision-tree"]);
        var registry = new ModelRegistry(ws.Workspace);

        var v1 = await registry.RegisterAsync(report.Leaderboard[0].RunId, "students");
        var v2 = await registry.RegisterAsync(report.Leaderboard[1].RunId[..10], "students", "second");

        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(report.Leaderboard[1].RunId, v2.RunId);
        Assert.Equal("second", v2.Description);
        Assert.Equal("students@1", v1.Dataset);
        Assert.Equal(report.SplitId, v1.SplitId);
        Assert.Equal("math_score", v1.Target);
        Assert.Contains("test_r2", v1.Metrics.Keys);

        // The signature lists every input with what training saw: ranges for numbers, categories for the rest.
        var reading = v1.Signature.Find("reading_score")!;
        Assert.Equal(ColumnType.Integer, reading.Type);
        Assert.True(reading.Min >= 0 && reading.Max <= 100 && reading.Min < reading.Max);
        var lunch = v1.Signature.Find("lunch")!;
        Assert.Equal(["free/reduced", "standard"], lunch.Categories!.Order(StringComparer.Ordinal));
        Assert.Null(v1.Signature.Find("math_score"));

        // The stored bundle is the run's bundle, byte for byte, under its content hash, and predicts the same numbers.
        var tracking = new TrackingService(ws.Workspace);
        var (_, runBundle) = await tracking.OpenArtifactAsync(v1.RunId, ModelRegistry.BundleArtifactPath);
        using var runBytes = new MemoryStream();
        await using (runBundle)
        {
            await runBundle.CopyToAsync(runBytes);
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(runBytes.ToArray())), v1.BundleSha256);
        var loaded = await registry.LoadBundleAsync(v1);
        var frame = await new DatasetService(ws.Workspace).LoadFrameAsync(await new DatasetService(ws.Workspace).ResolveAsync(DatasetRef.Parse("students")));
        runBytes.Position = 0;
        var original = Raciflow.Training.ModelBundle.Load(runBytes, Raciflow.Training.AlgorithmCatalog.CreateDefault());
        Assert.Equal(original.PredictRaw(frame), loaded.PredictRaw(frame));

        var listed = Assert.Single(await registry.ListAsync());
        Assert.Equal(("students", 2, 2), (listed.Name, listed.LatestVersion, listed.VersionCount));
        Assert.Equal(2, (await registry.GetAsync(ModelRef.Parse("students"))).Version);
    }

    [Fact]
    public async Task RegisteringATrainingJobRegistersItsBestModel()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, ["linear", "decision-tree"]);

        var version = await new ModelRegistry(ws.Workspace).RegisterAsync(report.ParentRunId, "students");

        Assert.Equal(report.Best.RunId, version.RunId);
        Assert.Equal(report.Best.Algorithm, version.Algorithm);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AliasMovesAreResolvedAndKeptInTheHistory(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, actor: "mila");
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, ["linear", "decision-tree"]);
        var registry = new ModelRegistry(ws.Workspace);
        await registry.RegisterAsync(report.Leaderboard[0].RunId, "students");
        await registry.RegisterAsync(report.Leaderboard[1].RunId, "students");

        await registry.SetAliasAsync("students", 1, "staging");
        await registry.SetAliasAsync("students", 2, "staging", "better", actor: "omar");
        var unchanged = await registry.SetAliasAsync("students", 2, "staging");
        await registry.SetAliasAsync("students", 1, "production");

        Assert.Equal("unchanged", unchanged.Reason);
        Assert.Equal(2, (await registry.GetAsync(ModelRef.Parse("students@staging"))).Version);
        Assert.Equal(1, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);
        Assert.Equal(["staging"], (await registry.GetAsync(ModelRef.Parse("students@2"))).Aliases);
        var history = await registry.AliasHistoryAsync("students");
        Assert.Equal(
            [("production", null, 1, "mila", null), ("staging", 1, 2, "omar", "better"), ("staging", null, 1, "mila", null)],
            history.Select(h => (h.Alias, h.From, h.To, h.MovedBy, h.Reason)).ToList<(string, int?, int?, string, string?)>());
        Assert.Equal(1, await registry.PreviousVersionAsync("students", "staging"));

        await registry.RemoveAliasAsync("students", "staging");
        var missing = await Assert.ThrowsAsync<RaciflowException>(() => registry.GetAsync(ModelRef.Parse("students@staging")));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
        Assert.Contains("production", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ConcurrentRegistrationsGetConsecutiveVersionNumbers(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path);
        var registry = new ModelRegistry(ws.Workspace);

        var versions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => registry.RegisterAsync(report.Best.RunId, "students"))));

        Assert.Equal([1, 2, 3, 4, 5, 6], versions.Select(v => v.Version).Order());
    }

    [Fact]
    public async Task UnknownModelsVersionsAndRunsAreNamedInTheError()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path);
        var registry = new ModelRegistry(ws.Workspace);

        var none = await Assert.ThrowsAsync<RaciflowException>(() => registry.GetAsync(ModelRef.Parse("nope")));
        Assert.Equal(ErrorKind.NotFound, none.Kind);
        Assert.Contains("no model is registered yet", none.Message, StringComparison.Ordinal);

        await registry.RegisterAsync(report.Best.RunId, "students");
        var version = await Assert.ThrowsAsync<RaciflowException>(() => registry.GetAsync(ModelRef.Parse("students@7")));
        Assert.Contains("versions are 1 to 1", version.Message, StringComparison.Ordinal);
        var run = await Assert.ThrowsAsync<RaciflowException>(() => registry.RegisterAsync("ffffffffffff", "students"));
        Assert.Equal(ErrorKind.NotFound, run.Kind);
        var alias = await Assert.ThrowsAsync<RaciflowException>(() => registry.SetAliasAsync("students", 9, "staging"));
        Assert.Equal(ErrorKind.NotFound, alias.Kind);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("x'; DROP TABLE model_versions;--")]
    [InlineData("bell\u0007")]
    [InlineData("")]
    public void UnsafeModelNamesAreRejected(string name)
    {
        var ex = Assert.Throws<RaciflowException>(() => ModelRef.Parse(name));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.DoesNotContain('\u0007', ex.Message);
    }

    [Theory]
    [InlineData("students", "students", null, null)]
    [InlineData("students@3", "students", 3, null)]
    [InlineData("students@v12", "students", 12, null)]
    [InlineData("students@production", "students", null, "production")]
    public void ModelReferencesParseToVersionsOrAliases(string text, string name, int? version, string? alias)
    {
        var parsed = ModelRef.Parse(text);

        Assert.Equal(new ModelRef(name, version, alias), parsed);
        Assert.Equal(text.Replace("@v", "@", StringComparison.Ordinal), parsed.ToString());
    }

    [Theory]
    [InlineData("students@Prod")]
    [InlineData("students@")]
    [InlineData("students@a/b")]
    public void InvalidAliasesAreRejected(string text) =>
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<RaciflowException>(() => ModelRef.Parse(text)).Kind);
}
