using System.Text.Json;
using Raciflow.Tests.Cli;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

[Collection("Console")]
public sealed class DataQualityCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ValidateExitsWithThreeWhenAnExpectationFailsAndZeroWhenAllHold()
    {
        _dir.Write("raciflow.yaml", """
            project: penguins
            data:
              target: species
              expectations:
                - column: sex
                  allowed: [MALE, FEMALE]
                - column: body_mass_g
                  min: 2000
            """);
        await RunJsonAsync("data", "add", RepositoryPaths.TestData("penguins.csv"), "--name", "penguins");

        var (code, report) = await RunJsonAsync("data", "validate", "penguins");

        Assert.Equal(3, code);
        Assert.False(report.GetProperty("passed").GetBoolean());
        Assert.Equal(1, report.GetProperty("failures").GetInt32());
        var failed = report.GetProperty("checks").EnumerateArray().Single(c => !c.GetProperty("passed").GetBoolean() && c.GetProperty("severity").GetString() == "error");
        Assert.Equal("expect-allowed", failed.GetProperty("name").GetString());
        Assert.Equal("sex", failed.GetProperty("column").GetString());

        _dir.Write("raciflow.yaml", """
            project: penguins
            data:
              target: species
              expectations:
                - column: body_mass_g
                  min: 2000
                  max_missing: 0.01
            """);
        var (passCode, passed) = await RunJsonAsync("data", "validate", "penguins@1");
        Assert.Equal(0, passCode);
        Assert.True(passed.GetProperty("passed").GetBoolean());
        Assert.True(passed.GetProperty("warnings").GetInt32() > 0, "penguins have missing values");
    }

    [Fact]
    public async Task ProfileWritesTheReportFileAndStoresItUnderReports()
    {
        await RunJsonAsync("data", "add", RepositoryPaths.TestData("seattle-weather.csv"), "--name", "weather");

        var (code, result) = await RunJsonAsync("data", "profile", "weather", "--out", "weather.html");

        Assert.Equal(0, code);
        var file = _dir.File("weather.html");
        Assert.Equal(file, result.GetProperty("file").GetString());
        var html = await File.ReadAllTextAsync(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Profile of weather@1", html, StringComparison.Ordinal);
        var key = result.GetProperty("reportKey").GetString()!;
        Assert.StartsWith("reports/", key, StringComparison.Ordinal);
        Assert.Equal(html, await File.ReadAllTextAsync(Path.Combine(_dir.Path, ".raciflow", "artifacts", key)));
        Assert.Equal(1461, result.GetProperty("overview").GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task SplitIsRecordedOnceAndBadRequestsAreInvalid()
    {
        await RunJsonAsync("data", "add", RepositoryPaths.TestData("penguins.csv"), "--name", "penguins");

        var (code, first) = await RunJsonAsync("data", "split", "penguins", "--stratify", "species", "--seed", "7");
        var (againCode, again) = await RunJsonAsync("data", "split", "penguins@1", "--stratify", "species", "--seed", "7");
        var (sumCode, sum) = await RunJsonAsync("data", "split", "penguins", "--train", "0.9");
        var (columnCode, column) = await RunJsonAsync("data", "split", "penguins", "--stratify", "colour");
        var (unknownCode, _) = await RunJsonAsync("data", "split", "gulls");

        Assert.Equal((0, 0), (code, againCode));
        var split = first.GetProperty("split");
        Assert.Equal(split.GetProperty("id").GetInt64(), again.GetProperty("split").GetProperty("id").GetInt64());
        Assert.Equal("species", split.GetProperty("stratifyColumn").GetString());
        Assert.Equal(344, split.GetProperty("trainRows").GetInt32() + split.GetProperty("validationRows").GetInt32() + split.GetProperty("testRows").GetInt32());
        Assert.Equal(2, sumCode);
        Assert.Contains("sum to 1.2", sum.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, columnCode);
        Assert.Contains("'colour'", column.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, unknownCode);
    }

    public void Dispose() => _dir.Dispose();

    private async Task<(int Code, JsonElement Json)> RunJsonAsync(params string[] args)
    {
        var (code, stdout) = await ConsoleCapture.RunAsync([.. args, "--json", "-C", _dir.Path, "--store", "sqlite:.raciflow/raciflow.db", "--artifacts", "file:.raciflow/artifacts"]);
        using var document = JsonDocument.Parse(stdout);
        return (code, document.RootElement.Clone());
    }
}
