using System.Text.Json;
using Raciflow.Cli;
using Raciflow.Tests.Support;
using Raciflow.Tracking;

namespace Raciflow.Tests.Tracking;

/// <summary>The runs and experiments commands in-process with --json; they swap Console.Out, so they run alone.</summary>
[Collection(ConsoleCollection.Name)]
[Trait("Category", TestServices.Integration)]
public sealed class TrackingCliTests
{
    [Fact]
    public async Task RunsListFiltersSortsAndLimitsAsJson()
    {
        using var ws = await TestWorkspace.CreateAsync();
        var (good, better, _) = await SeedAsync(ws);

        var (exit, json) = await CliAsync(ws, "runs", "list", "--experiment", "reg", "--filter", "metrics.r2 > 0.8", "--sort", "metrics.r2 desc", "--limit", "5");

        Assert.Equal(0, exit);
        var runs = json.GetProperty("runs");
        Assert.Equal([better, good], runs.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(0.95, runs[0].GetProperty("metrics").GetProperty("r2").GetDouble());
        Assert.Equal("finished", runs[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task RunsShowAcceptsAShortIdAndPrintsLineage()
    {
        using var ws = await TestWorkspace.CreateAsync();
        var (good, _, _) = await SeedAsync(ws);

        var (exit, json) = await CliAsync(ws, "runs", "show", good[..8]);

        Assert.Equal(0, exit);
        Assert.Equal(good, json.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal("lasso", json.GetProperty("run").GetProperty("params").GetProperty("algorithm").GetString());
        Assert.True(json.GetProperty("lineage").GetProperty("packageVersions").TryGetProperty("Raciflow", out _));
        Assert.Equal("report.txt", json.GetProperty("artifacts")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task RunsCompareLinesUpParamsAndMetrics()
    {
        using var ws = await TestWorkspace.CreateAsync();
        var (good, better, _) = await SeedAsync(ws);

        var (exit, json) = await CliAsync(ws, "runs", "compare", good, better);

        Assert.Equal(0, exit);
        var r2 = json.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "r2");
        Assert.Equal([0.85, 0.95], r2.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        var algorithm = json.GetProperty("params")[0];
        Assert.Equal(["lasso", "ridge"], algorithm.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.True(algorithm.GetProperty("differs").GetBoolean());
    }

    [Fact]
    public async Task ExperimentsListCountsRuns()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await SeedAsync(ws);

        var (exit, json) = await CliAsync(ws, "experiments", "list");

        Assert.Equal(0, exit);
        Assert.Equal([("other", 1), ("reg", 2)], json.GetProperty("experiments").EnumerateArray().Select(e => (e.GetProperty("name").GetString(), e.GetProperty("runCount").GetInt32())));
    }

    [Fact]
    public async Task ABadFilterOrAnUnknownRunIsAJsonErrorWithItsExitCode()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await SeedAsync(ws);

        var (badExit, bad) = await CliAsync(ws, "runs", "list", "--filter", "metrics.r2 >> 1");
        Assert.Equal(ErrorKind.Invalid.ExitCode(), badExit);
        Assert.Equal("filter:13", bad.GetProperty("error").GetProperty("location").GetString());

        var (missingExit, missing) = await CliAsync(ws, "runs", "show", "ffffffffffff");
        Assert.Equal(ErrorKind.NotFound.ExitCode(), missingExit);
        Assert.Equal("not-found", missing.GetProperty("error").GetProperty("code").GetString());
    }

    private static async Task<(string Good, string Better, string Other)> SeedAsync(TestWorkspace ws)
    {
        var tracking = new TrackingService(ws.Workspace);
        async Task<string> Run(string experiment, string algorithm, double r2)
        {
            await using var run = await tracking.StartRunAsync(new StartRunOptions { Experiment = experiment, Name = algorithm });
            await run.LogParamAsync("algorithm", algorithm);
            await run.LogMetricAsync("r2", r2);
            await run.LogArtifactAsync("report.txt", new MemoryStream("ok"u8.ToArray()));
            await run.CompleteAsync();
            return run.Id;
        }

        return (await Run("reg", "lasso", 0.85), await Run("reg", "ridge", 0.95), await Run("other", "lasso", 0.99));
    }

    private static async Task<(int Exit, JsonElement Json)> CliAsync(TestWorkspace ws, params string[] args)
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        int exit;
        try
        {
            exit = await CliApp.RunAsync([.. args, "--json", "-C", ws.Folder.Path, "--store", "sqlite:.raciflow/raciflow.db", "--artifacts", "file:.raciflow/artifacts"]);
        }
        finally
        {
            Console.SetOut(original);
        }

        return (exit, JsonDocument.Parse(captured.ToString()).RootElement.Clone());
    }
}
