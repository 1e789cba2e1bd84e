using System.Globalization;
using System.Net;
using System.Text.Json;
using Raciflow.Data;
using Raciflow.Monitoring.Drift;
using Raciflow.Tests.Serving;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Monitoring.ModelDrift;

/// <summary>
/// <c>raciflow monitor drift</c> and <c>GET /models/{name}/drift</c> over a real server: the model's own training
/// rows sent as traffic do not drift; the same rows with one feature shifted flag that feature and no other.
/// </summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class MonitorDriftCommandTests
{
    private static readonly string[] Untouched = ["gender", "race_ethnicity", "parental_level_of_education", "lunch", "test_preparation_course", "writing_score"];

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task NormalTrafficDoesNotDriftAndShiftedTrafficFlagsOnlyTheShiftedFeature(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);
        var rows = await StudentTraffic.TrainingRowsAsync(server);
        await StudentTraffic.SendAsync(server, rows);

        var normal = await DriftAsync(server, "--window", "1h");
        Assert.False(normal.GetProperty("datasetDrift").GetBoolean());
        Assert.Equal(rows.Count, normal.GetProperty("currentRows").GetInt32());
        Assert.All(Features(normal).Values, f => Assert.False(f.GetProperty("drifted").GetBoolean(), f.ToString()));

        await StudentTraffic.SendAsync(server, rows, StudentTraffic.HigherReadingScore);
        var html = Path.Combine(server.Workspace.Folder.Path, "out", "drift.html");
        var shifted = await DriftAsync(server, "--report", html);
        var features = Features(shifted);
        Assert.Equal(2 * rows.Count, shifted.GetProperty("currentRows").GetInt32());
        Assert.True(features["reading_score"].GetProperty("drifted").GetBoolean(), features["reading_score"].ToString());
        Assert.Equal("ks", features["reading_score"].GetProperty("test").GetString());
        Assert.True(features["reading_score"].GetProperty("pValue").GetDouble() < 0.05);
        Assert.All(Untouched, c => Assert.False(features[c].GetProperty("drifted").GetBoolean(), features[c].ToString()));
        Assert.False(shifted.GetProperty("datasetDrift").GetBoolean()); // one of seven features is under the default half
        Assert.Equal(1, shifted.GetProperty("driftedFeatures").GetInt32());

        Assert.Contains("reading_score", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        var saved = new List<StoredDriftReport>();
        await foreach (var report in new DriftReportStore(server.Workspace.Workspace).ListAsync("students@1"))
        {
            saved.Add(report);
        }

        Assert.Equal(2, saved.Count);
        Assert.Equal(shifted.GetProperty("reportKey").GetString(), saved[^1].JsonKey);
        Assert.True((await new DriftReportStore(server.Workspace.Workspace).LoadAsync(saved[^1].JsonKey)).Features.Single(f => f.Column == "reading_score").Drifted);

        using var api = await server.Client.GetAsync("/api/v1/models/students/drift?window=1h");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var body = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var apiFeatures = body.RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("column").GetString()!);
        Assert.True(apiFeatures["reading_score"].GetProperty("drifted").GetBoolean());
        Assert.False(apiFeatures["writing_score"].GetProperty("drifted").GetBoolean());
    }

    [Fact]
    public async Task DriftAgainstADatasetVersionOrAFileFlagsTheShiftedFeature()
    {
        await using var server = await ServingServer.StartAsync(StoreKind.Local);
        var rows = await StudentTraffic.TrainingRowsAsync(server);
        var csv = server.Workspace.Folder.Write("shifted.csv", Csv(rows, StudentTraffic.HigherReadingScore));
        await new DatasetService(server.Workspace.Workspace).AddAsync(csv, "students-shifted");

        foreach (var current in new[] { "students-shifted@1", csv })
        {
            var result = await DriftAsync(server, "--current", current);
            var features = Features(result);
            Assert.Equal(rows.Count, result.GetProperty("currentRows").GetInt32());
            Assert.True(features["reading_score"].GetProperty("drifted").GetBoolean(), current);
            Assert.All(Untouched, c => Assert.False(features[c].GetProperty("drifted").GetBoolean(), $"{current}: {features[c]}"));
        }

        using var api = await server.Client.GetAsync("/api/v1/models/students/drift?dataset=students-shifted@1");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Contains("\"reading_score\"", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadWindowAnUnknownModelAndAWindowWithoutTrafficAreNamed()
    {
        await using var server = await ServingServer.StartAsync(StoreKind.Local);
        string[] store = [.. server.Workspace.StoreArguments];

        var badWindow = await CliRunner.RunAsync(["monitor", "drift", "students", "--window", "24x", .. store]);
        var unknown = await CliRunner.RunAsync(["monitor", "drift", "no-such-model", .. store]);
        var quiet = await CliRunner.RunAsync(["monitor", "drift", "students", "--window", "30m", .. store]);
        var both = await CliRunner.RunAsync(["monitor", "drift", "students", "--window", "1h", "--current", "x.csv", .. store]);

        Assert.Equal(2, badWindow.ExitCode);
        Assert.Contains("'24x' is not a duration", OneLine(badWindow.Stderr), StringComparison.Ordinal);
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("no-such-model", OneLine(unknown.Stderr), StringComparison.Ordinal);
        Assert.Equal(4, quiet.ExitCode);
        Assert.Contains("logged no predictions", OneLine(quiet.Stderr), StringComparison.Ordinal);
        Assert.NotEqual(0, both.ExitCode);

        using var api = await server.Client.GetAsync("/api/v1/models/students/drift?window=soon");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("'soon' is not a duration", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> DriftAsync(ServingServer server, params string[] options)
    {
        var result = await CliRunner.RunAsync(["monitor", "drift", "students", .. options, "--json", .. server.Workspace.StoreArguments]);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        return result.Json;
    }

    private static Dictionary<string, JsonElement> Features(JsonElement result) =>
        result.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("column").GetString()!);

    private static string Csv(IReadOnlyList<Dictionary<string, object?>> rows, Action<Dictionary<string, object?>> shift)
    {
        var columns = rows[0].Keys.ToList();
        var lines = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>(r);
            shift(row);
            return string.Join(',', columns.Select(c => Convert.ToString(row[c], CultureInfo.InvariantCulture)));
        });
        return string.Join('\n', lines.Prepend(string.Join(',', columns))) + "\n";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
