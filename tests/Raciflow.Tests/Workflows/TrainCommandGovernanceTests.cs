using Raciflow.Data;
using Raciflow.Cli.Examples;
using Raciflow.Governance;
using Raciflow.Governance.Members;
using Raciflow.Tests.Support;
using Raciflow.Tracking;

namespace Raciflow.Tests.Workflows;

/// <summary>`raciflow train` is the experiment task: only its R or A may run it, and the run is theirs.</summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class TrainCommandGovernanceTests
{
    private const string Project = """
        project: students
        data: { name: students, target: math_score, task: regression }
        members:
          - { name: dana, roles: [data-engineer] }
          - { name: sofia, roles: [data-scientist] }
        raci:
          problem-definition: { data-engineer: RA }
          experiment: { data-scientist: RA, data-engineer: C }
        """;

    [Fact]
    public async Task OnlyAResponsibleOrAccountableRoleMayTrainAndTheRunRecordsWhoDid()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local, Project);
        var csv = ws.Folder.Write("students.csv", StudentPerformanceGenerator.GenerateCsv(200, 5));
        await new DatasetService(ws.Workspace).AddAsync(csv, "students", null);
        var dana = (await new GovernanceService(ws.Workspace, Credentials.None).Members.AddAsync("dana", ["data-engineer"])).Token;
        var sofia = (await new GovernanceService(ws.Workspace, new Credentials(dana)).Members.AddAsync("sofia", ["data-scientist"])).Token;
        string[] train = ["train", "-C", ws.Folder.Path, "--algorithms", "linear", "--tune", "1", "--folds", "3", "--json"];

        try
        {
            Environment.SetEnvironmentVariable("RACIFLOW_TOKEN", dana);
            var denied = await CliRunner.RunAsync(train);
            Assert.Equal(7, denied.ExitCode);
            var message = denied.Json.GetProperty("error").GetProperty("message").GetString()!;
            Assert.Contains("experiment", message, StringComparison.Ordinal);
            Assert.Contains("sofia", message, StringComparison.Ordinal);
            Assert.Empty(await new TrackingService(ws.Workspace).SearchRunsAsync(new RunSearchRequest()));

            Environment.SetEnvironmentVariable("RACIFLOW_TOKEN", sofia);
            var allowed = await CliRunner.RunAsync(train);
            Assert.True(allowed.ExitCode == 0, allowed.Stdout + allowed.Stderr);
            var parent = await new TrackingService(ws.Workspace).GetRunAsync(allowed.Json.GetProperty("parentRunId").GetString()!);
            Assert.Equal("sofia", parent.Run.StartedBy);
        }
        finally
        {
            Environment.SetEnvironmentVariable("RACIFLOW_TOKEN", null);
        }
    }
}
