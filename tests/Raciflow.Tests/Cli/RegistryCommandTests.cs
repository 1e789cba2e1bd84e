using Raciflow.Tests.Registry;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Cli;

[Collection("Console")]
[Trait("Category", TestServices.Integration)]
public sealed class RegistryCommandTests
{
    [Fact]
    public async Task TheModelsCommandsRegisterPromoteShowTraceAndBatchScore()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, ["linear", "decision-tree"]);
        Task<CliResult> Run(params string[] args) => CliRunner.RunAsync([.. args, "--json", "-C", ws.Folder.Path]);

        var registered = await Run("models", "register", report.ParentRunId, "--name", "students");
        Assert.Equal(0, registered.ExitCode);
        Assert.Equal(1, registered.Json.GetProperty("version").GetInt32());

        var staged = await Run("models", "alias", "students", "1", "staging");
        Assert.Equal(0, staged.ExitCode);
        Assert.Equal(1, staged.Json.GetProperty("move").GetProperty("to").GetInt32());

        // Production is gated even in single-user mode: the command files an approval request.
        var asked = await Run("models", "alias", "students", "1", "production");
        Assert.Equal(0, asked.ExitCode);
        var approval = asked.Json.GetProperty("approval").GetProperty("id").GetInt64();
        Assert.Equal(0, (await Run("approvals", "approve", approval.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);

        var listed = await Run("models", "list");
        Assert.Equal(1, listed.Json[0].GetProperty("aliases").GetProperty("production").GetInt32());
        var shown = await Run("models", "show", "students@production");
        Assert.Equal(report.Best.RunId, shown.Json.GetProperty("version").GetProperty("runId").GetString());
        Assert.Equal(2, shown.Json.GetProperty("aliasHistory").GetArrayLength());
        var card = await CliRunner.RunAsync("models", "show", "students@1", "--card", "-C", ws.Folder.Path);
        Assert.StartsWith("# Model card: students@1", card.Stdout, StringComparison.Ordinal);
        var lineage = await Run("lineage", "students@1");
        Assert.Equal("students@1", lineage.Json.GetProperty("dataset").GetProperty("label").GetString());
        var up = await Run("lineage", "--dataset", "students@1");
        Assert.Equal("students@1", up.Json.GetProperty("modelVersions")[0].GetProperty("label").GetString());

        var input = Path.Combine(ws.Folder.Path, "students-3.csv");
        var output = Path.Combine(ws.Folder.Path, "scored.csv");
        var scored = await Run("predict", "students", "--input", input, "--output", output);
        Assert.Equal(0, scored.ExitCode);
        Assert.Equal(240, scored.Json.GetProperty("rows").GetInt32());
        Assert.Contains("prediction", File.ReadLines(output).First(), StringComparison.Ordinal);

        var missing = await Run("models", "show", "nope");
        Assert.Equal(4, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stdout + missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models", "show")]
    [InlineData("models", "alias")]
    [InlineData("lineage")]
    [InlineData("predict")]
    [InlineData("train")]
    [InlineData("serve")]
    [InlineData("package")]
    public async Task EveryHelpPageRenders(params string[] command)
    {
        // A separate process: help goes through Spectre's static console, which in-process runs cannot redirect twice.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Raciflow.Cli.dll"));
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        start.ArgumentList.Add("--help");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await stdout}\n{stderr}");
        Assert.Contains("USAGE", await stdout, StringComparison.OrdinalIgnoreCase);
    }
}
