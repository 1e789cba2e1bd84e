using System.Diagnostics;
using Raciflow.Data;
using Raciflow.Cli.Examples;
using Raciflow.Registry;
using Raciflow.Serving;
using Raciflow.Tracking;
using Raciflow.Training;
using Raciflow.Workspaces;
using static System.FormattableString;

namespace Raciflow.Bench.Serving;

/// <summary>
/// <c>serve-setup DIR [--unlogged]</c>: a workspace for the wrk load test with two public models on the students data,
/// "linear" and "forest" (a 100-tree random forest), each registered and in production. Also times a cold load of the
/// forest and an alias swap to it (load + one reference write), the figures the Deployment issue asks for.
/// </summary>
public static class ServeLoadSetup
{
    public static async Task<int> RunAsync(string[] args)
    {
        var directory = Path.GetFullPath(args[0]);
        var unlogged = args.Contains("--unlogged");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "raciflow.yaml"), $"""
            project: serve-load
            serving:
              public_models: [linear, forest]
              unlogged_models: [{(unlogged ? "linear, forest" : string.Empty)}]
            """);
        if (File.Exists(Path.Combine(directory, ".raciflow", "raciflow.db")))
        {
            Console.WriteLine(Invariant($"workspace {directory} exists; raciflow.yaml rewritten (unlogged: {unlogged})"));
            return 0;
        }

        using var workspace = await Workspace.OpenAsync(new WorkspaceOptions { Directory = directory, Actor = "bench" });
        var csv = Path.Combine(directory, "students.csv");
        await File.WriteAllTextAsync(csv, StudentPerformanceGenerator.GenerateCsv(20_000, 11));
        var version = (await new DatasetService(workspace).AddAsync(csv, "students", null)).Version;
        var frame = await new DatasetService(workspace).LoadFrameAsync(version);
        var registry = new ModelRegistry(workspace);
        foreach (var (name, algorithm, overrides) in new[] { ("linear", "linear", new Dictionary<string, object>()), ("forest", "random-forest", new Dictionary<string, object> { ["trees"] = 100 }) })
        {
            var bundle = BenchModels.Train(frame, "math_score", algorithm, overrides);
            var tracking = new TrackingService(workspace);
            await using var run = await tracking.StartRunAsync(new StartRunOptions { Experiment = "serve-load", Name = name, DatasetVersionId = version.Id, User = "bench" });
            using (var buffer = new MemoryStream())
            {
                bundle.Save(buffer);
                buffer.Position = 0;
                await run.LogArtifactAsync(ModelRegistry.BundleArtifactPath, buffer);
            }

            await run.CompleteAsync();
            var registered = await registry.RegisterAsync(run.Id, name);
            await registry.SetAliasAsync(name, registered.Version, ModelAliases.Production);
        }

        // Cold load of the forest, then a swap of a fresh alias onto it as a server does it.
        var forest = await registry.RegisterAsync((await registry.GetAsync(ModelRef.Parse("forest@1"))).RunId, "forest");
        var timer = Stopwatch.StartNew();
        var loaded = await new RegistryServingCatalog(workspace).LoadAsync("forest", forest.Version, CancellationToken.None);
        var load = timer.Elapsed;
        var served = new ServedModels(new RegistryServingCatalog(workspace));
        await served.RefreshAsync(CancellationToken.None);
        await registry.SetAliasAsync("forest", forest.Version, "swap");
        timer.Restart();
        await served.RefreshAsync(CancellationToken.None);
        var swap = timer.Elapsed;
        Console.WriteLine(Invariant($"forest bundle {forest.BundleSize / 1024.0:N0} KiB: cold load {load.TotalMilliseconds:N0} ms; alias swap (read aliases, load, publish) {swap.TotalMilliseconds:N0} ms; {loaded.Label}"));
        return 0;
    }
}
