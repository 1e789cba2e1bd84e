using Raciflow.Tests.Support;

namespace Raciflow.Tests.Workflows;

/// <summary>The README's main command, end to end through the real CLI (without the final server, which blocks).</summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class QuickstartTests
{
    [Fact]
    public async Task TheQuickstartWalksTheLifecycleAsTheMembersAndMeetsTheKpi()
    {
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "qs");

        var result = await CliRunner.RunAsync("quickstart", folder, "--tune", "1", "--no-serve", "--json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var json = result.Json;
        Assert.Equal(7, json.GetProperty("tokens").EnumerateObject().Count());
        Assert.True(json.GetProperty("auditIntact").GetBoolean());
        var actions = json.GetProperty("audit").EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Contains(("dana", "data.add"), actions);
        Assert.Contains(("sofia", "data.profile"), actions);
        Assert.Contains(("sofia", "train"), actions);
        var training = json.GetProperty("training");
        Assert.True(training.GetProperty("kpisPassed").GetBoolean(), "the example's KPI r2 >= 0.8 should pass");
        Assert.True(training.GetProperty("leaderboard").GetArrayLength() >= 10);
        Assert.True(File.Exists(Path.Combine(folder, "reports", "students-profile.html")));

        // A second quickstart replaces the folder it made; a foreign folder is never touched.
        Assert.Equal(0, (await CliRunner.RunAsync("quickstart", folder, "--tune", "1", "--no-serve", "--json")).ExitCode);
        var foreign = Path.Combine(dir.Path, "mine");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "user work");
        Assert.Equal(5, (await CliRunner.RunAsync("quickstart", foreign, "--no-serve", "--json")).ExitCode);
        Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")));
    }
}
