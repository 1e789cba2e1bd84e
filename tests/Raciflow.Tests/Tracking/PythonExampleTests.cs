using System.Diagnostics;
using System.Text.Json;
using Raciflow.Tests.Support;
using Raciflow.Tracking;

namespace Raciflow.Tests.Tracking;

[Trait("Category", TestServices.Integration)]
public sealed class PythonExampleTests
{
    [Fact]
    public async Task ThePythonStandardLibraryExampleLogsACompleteRun()
    {
        await using var server = await RunningServer.StartAsync();
        var script = Path.Combine(RepositoryPaths.Root, "examples", "tracking-from-python", "log_run.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = server.Workspace.Folder.Path };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(server.BaseAddress.ToString());

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"python3 log_run.py failed: {await stderr}");

        var id = JsonDocument.Parse(await stdout).RootElement.GetProperty("run").GetProperty("id").GetString()!;
        var run = await new TrackingService(server.Workspace.Workspace).GetRunAsync(id);
        Assert.Equal(("python-demo", RunStatus.Finished), (run.Run.Experiment, run.Run.Status));
        Assert.Equal(new Dictionary<string, string> { ["epochs"] = "10", ["learning_rate"] = "0.01" }, run.Run.Params);
        Assert.Equal(0.1, run.Run.Metrics["loss"], 12);
        Assert.Equal(0.93, run.Run.Metrics["accuracy"]);
        Assert.Equal(("python", "demo"), (run.Run.Tags["client"], run.Run.Tags["stage"]));
        Assert.Equal("notes/summary.txt", Assert.Single(run.Artifacts).Path);
        Assert.Contains("python", run.Lineage.PackageVersions.Keys);
    }
}
