using Raciflow.Tests.Support;
using Raciflow.Tracking;

namespace Raciflow.Tests.Tracking;

[Trait("Category", TestServices.Integration)]
public sealed class TrackingServiceTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ARunKeepsItsParamsMetricsTagsAndEndsFinished(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind, projectYaml: "project: demo\n");
        var tracking = new TrackingService(ws.Workspace);

        string id;
        await using (var run = await tracking.StartRunAsync(new StartRunOptions { Experiment = "penguins", Name = "lasso-1", Tags = new Dictionary<string, string> { ["team"] = "a" } }))
        {
            id = run.Id;
            await run.LogParamAsync("algorithm", "lasso");
            await run.LogMetricAsync("loss", 0.9, step: 0);
            await run.LogMetricAsync("loss", 0.5, step: 2);
            await run.LogMetricAsync("loss", 0.7, step: 1);
            await run.SetTagAsync("team", "b");
            await run.CompleteAsync();
        }

        var details = await tracking.GetRunAsync(id);
        Assert.Matches("^[0-9a-f]{32}$", details.Run.Id);
        Assert.Equal(("penguins", "lasso-1", RunStatus.Finished, "tester"), (details.Run.Experiment, details.Run.Name, details.Run.Status, details.Run.StartedBy));
        Assert.Equal("lasso", details.Run.Params["algorithm"]);
        Assert.Equal("b", details.Run.Tags["team"]);

        // The latest point is the highest step (0.5 at step 2), not the last one logged (0.7 at step 1).
        var loss = Assert.Single(details.LatestMetrics);
        Assert.Equal((0.5, 2L), (loss.Value, loss.Step));
        Assert.Equal([0.9, 0.7, 0.5], (await tracking.GetMetricHistoryAsync(id, "loss")).Select(p => p.Value));

        Assert.NotNull(details.Run.EndTime);
        Assert.True(details.Lineage.CpuSeconds >= 0);
        Assert.True(details.Lineage.PeakMemoryBytes > 0);
        Assert.Equal("1ba2d48bb7ea6c1d0e5bd6e4e1a2cb1fd5ad2a30ad3d6d8ee6a7b2b86ad1a1e4".Length, details.Lineage.ProjectFileSha256!.Length);
        Assert.Equal(System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("project: demo\n"u8)), details.Lineage.ProjectFileSha256);
        Assert.Contains("Raciflow", details.Lineage.PackageVersions.Keys);
        Assert.Contains(".NET", details.Lineage.PackageVersions.Keys);
        Assert.False(string.IsNullOrEmpty(details.Lineage.CommandLine));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task RelogAParamWithAnotherValueIsAConflictAndTheSameValueIsHarmless(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var tracking = new TrackingService(ws.Workspace);
        var run = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "e" })).Run;
        await tracking.LogParamAsync(run.Id, "alpha", "0.1");
        await tracking.LogParamAsync(run.Id, "alpha", "0.1");

        var ex = await Assert.ThrowsAsync<RaciflowException>(() => tracking.LogBatchAsync(run.Id, new RunBatch
        {
            Params = new Dictionary<string, string> { ["alpha"] = "0.2", ["beta"] = "1" },
            Metrics = [new MetricPoint("m", 1)],
        }));

        Assert.Equal(ErrorKind.Conflict, ex.Kind);
        Assert.Contains("'alpha'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'0.1'", ex.Message, StringComparison.Ordinal);

        // The batch is all or nothing: neither beta nor the metric was stored.
        var details = await tracking.GetRunAsync(run.Id);
        Assert.Equal(new Dictionary<string, string> { ["alpha"] = "0.1" }, details.Run.Params);
        Assert.Empty(details.LatestMetrics);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ABatchOfAThousandPointsIsStoredWithItsLatestValuePerKey(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var tracking = new TrackingService(ws.Workspace);
        var run = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "e" })).Run;
        var points = Enumerable.Range(0, 500).SelectMany(i => new[] { new MetricPoint("loss", 1.0 / (i + 1), i, T0.AddSeconds(i)), new MetricPoint("acc", i / 500.0, i, T0.AddSeconds(i)) }).ToList();

        await tracking.LogBatchAsync(run.Id, new RunBatch { Metrics = points, Params = new Dictionary<string, string> { ["epochs"] = "500" }, Tags = new Dictionary<string, string> { ["kind"] = "nn" } });

        var details = await tracking.GetRunAsync(run.Id);
        Assert.Equal(new LatestMetric("acc", 499 / 500.0, 499, T0.AddSeconds(499)), details.LatestMetrics[0]);
        Assert.Equal(new LatestMetric("loss", 1.0 / 500, 499, T0.AddSeconds(499)), details.LatestMetrics[1]);
        var history = await tracking.GetMetricHistoryAsync(run.Id, "loss");
        Assert.Equal(500, history.Count);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => 1.0 / (i + 1)), history.Select(p => p.Value));
        Assert.Equal(T0.AddSeconds(10), history[10].Timestamp);

        // A late point for an earlier step does not displace the latest value.
        await tracking.LogMetricAsync(run.Id, "loss", 42, step: 3);
        Assert.Equal(1.0 / 500, (await tracking.GetRunAsync(run.Id)).Run.Metrics["loss"]);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task DisposingARunWithoutCompletingMarksItFailedWithItsError(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var tracking = new TrackingService(ws.Workspace);
        string? id = null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => tracking.RunAsync<int>(new StartRunOptions { Experiment = "e" }, async run =>
        {
            id = run.Id;
            await run.LogMetricAsync("m", 1);
            throw new InvalidOperationException("diverged at epoch 3");
        }));

        var failed = (await tracking.GetRunAsync(id!)).Run;
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal("InvalidOperationException: diverged at epoch 3", failed.ErrorMessage);

        string plainId;
        await using (var run = await tracking.StartRunAsync(new StartRunOptions { Experiment = "e" }))
        {
            plainId = run.Id;
        }

        var abandoned = (await tracking.GetRunAsync(plainId)).Run;
        Assert.Equal(RunStatus.Failed, abandoned.Status);
        Assert.Contains("without CompleteAsync", abandoned.ErrorMessage, StringComparison.Ordinal);

        // An ended run takes no more metrics and cannot end twice.
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.LogMetricAsync(plainId, "m", 2))).Kind);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.EndRunAsync(plainId, RunStatus.Finished))).Kind);
        await tracking.SetTagAsync(plainId, "reviewed", "yes");
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ArtifactsRoundTripWithSizeAndHashAndNeverAppearForFailedUploads(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var tracking = new TrackingService(ws.Workspace);
        var run = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "e" })).Run;
        var bytes = System.Text.Encoding.UTF8.GetBytes("abc");

        var entry = await tracking.LogArtifactAsync(run.Id, "plots/residuals.txt", new MemoryStream(bytes));

        // Known answer: SHA-256("abc").
        Assert.Equal(new ArtifactEntry("plots/residuals.txt", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", entry.CreatedAt), entry);
        var (found, content) = await tracking.OpenArtifactAsync(run.Id, "plots/residuals.txt");
        await using (content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.Equal(entry, found);
        Assert.True(await ws.Workspace.Artifacts.ExistsAsync($"runs/{run.Id}/artifacts/plots/residuals.txt"));

        await Assert.ThrowsAsync<IOException>(() => tracking.LogArtifactAsync(run.Id, "model.zip", new FailingStream()));
        Assert.Equal(["plots/residuals.txt"], (await tracking.ListArtifactsAsync(run.Id)).Select(a => a.Path));
        Assert.False(await ws.Workspace.Artifacts.ExistsAsync($"runs/{run.Id}/artifacts/model.zip"));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.OpenArtifactAsync(run.Id, "model.zip"))).Kind);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.LogArtifactAsync(run.Id, "../escape", new MemoryStream(bytes)))).Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task SearchFiltersAndSortsOnTheDatabase(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var tracking = new TrackingService(ws.Workspace);
        async Task<string> Run(string experiment, string algorithm, double? r2, string tag, RunStatus status)
        {
            var run = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = experiment, Name = $"{algorithm}-{r2}", Tags = new Dictionary<string, string> { ["x"] = tag } })).Run;
            var metrics = r2 is { } value ? new List<MetricPoint> { new("r2", value) } : [];
            await tracking.LogBatchAsync(run.Id, new RunBatch { Params = new Dictionary<string, string> { ["algorithm"] = algorithm }, Metrics = metrics });
            await tracking.EndRunAsync(run.Id, status);
            return run.Id;
        }

        var a = await Run("reg", "lasso", 0.9, "z", RunStatus.Finished);
        var b = await Run("reg", "lasso", 0.85, "y", RunStatus.Finished);
        var c = await Run("reg", "lasso", 0.95, "z", RunStatus.Failed);
        var d = await Run("reg", "ridge", 0.99, "z", RunStatus.Finished);
        var e = await Run("reg", "lasso", 0.7, "z", RunStatus.Finished);
        var f = await Run("reg", "lasso", null, "z", RunStatus.Finished);
        var g = await Run("other", "lasso", 0.97, "z", RunStatus.Finished);

        async Task<IEnumerable<string>> Ids(string? filter, string? order = null, string[]? experiments = null, int max = 100) =>
            (await tracking.SearchRunsAsync(new RunSearchRequest { Filter = filter, OrderBy = order, Experiments = experiments, MaxResults = max })).Select(r => r.Id);

        Assert.Equal([a], await Ids("metrics.r2 > 0.8 and params.algorithm = 'lasso' and tags.x != 'y' and status = 'finished'", experiments: ["reg"]));
        Assert.Equal([g, a], await Ids("metrics.r2 > 0.8 and params.algorithm = 'lasso' and tags.x != 'y' and status = 'finished'", "metrics.r2 desc"));
        Assert.Equal([d, c, a, b, e, f], await Ids(null, "metrics.r2 desc", ["reg"]));
        Assert.Equal([e, b, a, c, d, f], await Ids(null, "metrics.r2", ["reg"]));
        Assert.Equal([a, b, c, d, e, f, g], await Ids(null, "start_time"));
        Assert.Equal([g, f], await Ids(null, max: 2));
        Assert.Equal([d], await Ids("params.algorithm like 'ri%'"));
        Assert.Equal([d], await Ids("params.algorithm ilike 'RID%'"));
        Assert.Equal([c], await Ids("status = 'failed'"));
        Assert.Equal([b], await Ids("metrics.r2 = 0.85"));
        Assert.Equal([a, b, c, d, e, f], await Ids("name like '%-%' and status != 'running'", "start_time", ["reg"]));
        Assert.Empty(await Ids("metrics.r2 > 1"));

        var missing = await Assert.ThrowsAsync<RaciflowException>(() => Ids(null, experiments: ["nope"]));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task NestedRunsPointAtTheirParentAndCompareSideBySide(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var tracking = new TrackingService(ws.Workspace);
        await using var study = await tracking.StartRunAsync(new StartRunOptions { Experiment = "tuning", Name = "study" });
        var trials = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await using var trial = await study.StartChildRunAsync($"trial-{i}");
            await trial.LogParamsAsync(new Dictionary<string, string> { ["alpha"] = $"0.{i + 1}", ["solver"] = "sdca" });
            await trial.LogMetricAsync("rmse", 10 - i);
            if (i == 0)
            {
                await trial.LogMetricAsync("mae", 3);
            }

            await trial.CompleteAsync();
            trials.Add(trial.Id);
        }

        await study.CompleteAsync();

        var children = await tracking.SearchRunsAsync(new RunSearchRequest { Filter = $"parent_run_id = '{study.Id}'", OrderBy = "name" });
        Assert.Equal(trials, children.Select(r => r.Id));
        Assert.All(children, c => Assert.Equal(study.Id, c.ParentRunId));

        var comparison = await tracking.CompareRunsAsync(trials);
        Assert.Equal(trials, comparison.Runs.Select(r => r.Id));
        Assert.Equal(
            [new ParamComparisonRow("alpha", ["0.1", "0.2"]), new ParamComparisonRow("solver", ["sdca", "sdca"])],
            comparison.Params.Select(p => p with { Values = p.Values.ToList() }).ToList(),
            new ComparisonRowComparer());
        Assert.True(comparison.Params[0].Differs);
        Assert.False(comparison.Params[1].Differs);
        Assert.Equal([3.0, null], comparison.Metrics[0].Values);
        Assert.Equal([10.0, 9.0], comparison.Metrics[1].Values);

        var unknown = await Assert.ThrowsAsync<RaciflowException>(() => tracking.CompareRunsAsync([trials[0], "0123456789abcdef0123456789abcdef"]));
        Assert.Equal(ErrorKind.NotFound, unknown.Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.CreateRunAsync(new StartRunOptions { Experiment = "tuning", ParentRunId = "nope" }))).Kind);
        Assert.Equal(trials[0], await tracking.ResolveRunIdAsync(trials[0][..12]));
    }

    [Fact]
    public async Task ExperimentsAreUniqueAndListedWithRunCounts()
    {
        using var ws = await TestWorkspace.CreateAsync();
        var tracking = new TrackingService(ws.Workspace);
        await tracking.CreateExperimentAsync("Penguins", new Dictionary<string, string> { ["owner"] = "ds" });
        await tracking.CreateRunAsync(new StartRunOptions { Experiment = "Penguins" });
        await tracking.CreateRunAsync(new StartRunOptions { Experiment = "weather" });

        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.CreateExperimentAsync("Penguins"))).Kind);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.CreateExperimentAsync(" "))).Kind);
        var all = await tracking.ListExperimentsAsync();
        Assert.Equal([("Penguins", 1), ("weather", 1)], all.Select(e => (e.Name, e.RunCount)));
        Assert.Equal("ds", all[0].Tags["owner"]);
        Assert.Equal(["Penguins"], (await tracking.ListExperimentsAsync("PENG")).Select(e => e.Name));
    }

    [Fact]
    public async Task LineageRecordsTheGitCommitAndWhetherTheTreeWasDirty()
    {
        using var ws = await TestWorkspace.CreateAsync(projectYaml: "project: demo\n");
        var dir = ws.Folder.Path;
        Git(dir, "init", "-q");
        Git(dir, "-c", "user.email=t@example.com", "-c", "user.name=t", "add", "raciflow.yaml");
        Git(dir, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "init");
        File.WriteAllText(Path.Combine(dir, ".gitignore"), ".raciflow/\n.gitignore\n");
        var head = Git(dir, "rev-parse", "HEAD").Trim();
        var tracking = new TrackingService(ws.Workspace);

        var clean = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "e" })).Lineage;
        File.AppendAllText(Path.Combine(dir, "raciflow.yaml"), "# edited\n");
        var dirty = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "e" })).Lineage;

        Assert.Equal((head, false), (clean.GitCommit, clean.GitDirty));
        Assert.Equal((head, true), (dirty.GitCommit, dirty.GitDirty));
        Assert.NotEqual(clean.ProjectFileSha256, dirty.ProjectFileSha256);
    }

    [Fact]
    public async Task BadInputNamesTheField()
    {
        using var ws = await TestWorkspace.CreateAsync();
        var tracking = new TrackingService(ws.Workspace);
        var run = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "e" })).Run;

        var nan = await Assert.ThrowsAsync<RaciflowException>(() => tracking.LogMetricAsync(run.Id, "loss", double.NaN));
        Assert.Equal("metric.loss", nan.Location);
        var emptyKey = await Assert.ThrowsAsync<RaciflowException>(() => tracking.LogParamAsync(run.Id, "", "x"));
        Assert.Equal(ErrorKind.Invalid, emptyKey.Kind);
        var longValue = await Assert.ThrowsAsync<RaciflowException>(() => tracking.LogParamAsync(run.Id, "p", new string('x', TrackingLimits.ParamValueLength + 1)));
        Assert.Equal("param.p", longValue.Location);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.LogMetricAsync("0123456789abcdef0123456789abcdef", "m", 1))).Kind);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<RaciflowException>(() => tracking.SearchRunsAsync(new RunSearchRequest { MaxResults = 0 }))).Kind);
    }

    private static string Git(string dir, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    private sealed class ComparisonRowComparer : IEqualityComparer<ParamComparisonRow>
    {
        public bool Equals(ParamComparisonRow? x, ParamComparisonRow? y) => x!.Key == y!.Key && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(ParamComparisonRow obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream()
            : base(new byte[1 << 20])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 3 ? throw new IOException("connection reset mid-upload") : base.ReadAsync(buffer, cancellationToken);
    }
}
