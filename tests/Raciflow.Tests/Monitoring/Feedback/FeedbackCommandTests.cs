using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Audit;
using Raciflow.Monitoring.Feedback;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Monitoring.Feedback;

/// <summary><c>raciflow feedback MODEL --input FILE</c>: reads the CSV, records it as the governed feedback action.</summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class FeedbackCommandTests
{
    [Fact]
    public async Task TheCommandRecordsACsvOfOutcomesAndAuditsIt()
    {
        using var ws = await FeedbackServiceTests.LoggedAsync(StoreKind.Local);
        var csv = ws.Folder.Write("outcomes.csv", "request_id,actual,time\nr1,12,2026-03-02T10:00:00Z\nr3,29,\n");

        var result = await CliRunner.RunAsync("feedback", "house-prices", "--input", csv, "-C", ws.Folder.Path, "--json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(2, result.Json.GetProperty("inserted").GetInt32());
        var stored = (await new FeedbackService(ws.Workspace).ListAsync("house-prices")).ToDictionary(f => f.KeyValue);
        Assert.Equal("12", stored["r1"].Actual);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), stored["r1"].ObservedAt);
        await using var db = ws.Workspace.Metadata.CreateContext();
        var audit = await db.Set<AuditEvent>().Where(e => e.Action == "feedback").SingleAsync();
        Assert.Equal("house-prices", audit.Target);
    }

    [Fact]
    public async Task AnUnknownRequestIdFailsWithTheRowAndAMissingColumnWithTheFileColumns()
    {
        using var ws = await FeedbackServiceTests.LoggedAsync(StoreKind.Local);
        var unknown = ws.Folder.Write("unknown.csv", "request_id,actual\nr1,12\nzz,4\n");
        var noActual = ws.Folder.Write("no-actual.csv", "request_id,value\nr1,12\n");

        var rejected = await CliRunner.RunAsync("feedback", "house-prices", "--input", unknown, "-C", ws.Folder.Path);
        var missing = await CliRunner.RunAsync("feedback", "house-prices", "--input", noActual, "-C", ws.Folder.Path);

        Assert.Equal(3, rejected.ExitCode);
        Assert.Contains("row 2: request id 'zz' was never logged", OneLine(rejected.Stderr), StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("has no column 'actual'; its columns are: request_id, value", OneLine(missing.Stderr), StringComparison.Ordinal);
        Assert.Empty(await new FeedbackService(ws.Workspace).ListAsync("house-prices"));
    }

    /// <summary>The console wraps long messages; compare them as one line.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
