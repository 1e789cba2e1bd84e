using System.Net;
using System.Text;
using System.Text.Json;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;

namespace Raciflow.Tests.Serving;

/// <summary>
/// Finite inputs far outside anything seen in training (1e200) can drive a model's arithmetic to infinity or NaN: the
/// answer is then a 422 naming the field, never a 500 or a body cut in the middle, and batch scoring leaves that row's
/// prediction empty and says how many rows it could not score.
/// </summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class ExtremeValueTests
{
    private const string Extreme = "{\"island\":\"Biscoe\",\"beak_length_mm\":1e200,\"beak_depth_mm\":15.1,\"flipper_length_mm\":218,\"body_mass_g\":5200,\"sex\":\"FEMALE\"}";

    [Fact]
    public async Task AHugeFiniteNumberOnNaiveBayesIsAWhole422NamingTheFieldAndTheServerAnswersTheNextRequest()
    {
        await using var server = await PenguinsServer.StartAsync("naive-bayes");

        using var response = await server.Client.PostAsync(PenguinsServer.Predict, new StringContent(Extreme, Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement; // the whole body parses: nothing was cut
        var errors = problem.GetProperty("errors");
        var message = Assert.Single(errors.GetProperty("beak_length_mm").EnumerateArray()).GetString();
        Assert.Contains("not a finite number", message, StringComparison.Ordinal);
        Assert.Contains("1E+200", message, StringComparison.Ordinal);

        var normal = JsonSerializer.Serialize(PenguinsServer.Penguin());
        using var next = await server.Client.PostAsync(PenguinsServer.Predict, new StringContent(normal, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("raciflow_prediction_requests_total{model=\"penguins\",version=\"1\",outcome=\"invalid\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWebFormAnswersAHugeFiniteNumberWithA422BesideTheField()
    {
        await using var server = await PenguinsServer.StartAsync("naive-bayes");
        var form = await server.Client.GetStringAsync("/predict/penguins");

        using var response = await WebForms.PostAsync(server.Client, "/predict/penguins", form,
            ("island", "Biscoe"), ("beak_length_mm", "1e200"), ("beak_depth_mm", "15.1"), ("flipper_length_mm", "218"), ("body_mass_g", "5200"), ("sex", "FEMALE"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"prediction\"", page, StringComparison.Ordinal);
        Assert.Contains("not a finite number", page, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public async Task BatchScoringLeavesAnUnscorableRowEmptyAndCountsIt(string format)
    {
        await using var server = await PenguinsServer.StartAsync("naive-bayes");
        var input = Path.Combine(server.Workspace.Folder.Path, "rows.csv");
        var output = Path.Combine(server.Workspace.Folder.Path, "scored" + format);
        await File.WriteAllTextAsync(input,
            "island,beak_length_mm,beak_depth_mm,flipper_length_mm,body_mass_g,sex\n" +
            "Biscoe,47.5,15.1,218,5200,FEMALE\n" +
            "Biscoe,1e200,15.1,218,5200,FEMALE\n" +
            "Dream,39.5,17.4,186,3800,MALE\n");

        var result = await CliRunner.RunAsync(["predict", "penguins", "--input", input, "--output", output, "--json", .. server.Workspace.StoreArguments]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var summary = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(3, summary.GetProperty("rows").GetInt32());
        Assert.Equal(1, summary.GetProperty("unscoredRows").GetInt32());
        var scored = await ReadColumnsAsync(output);
        Assert.Equal([false, true, false], scored["prediction"].Select(v => v is null));
        Assert.Equal(server.Bundle.PredictRow(Row(47.5, "Biscoe", 15.1, 218, 5200, "FEMALE")).Label, scored["prediction"][0]);
        Assert.Null(scored["probability_Adelie"][1]);
        Assert.NotNull(scored["probability_Adelie"][2]);
    }

    private static Dictionary<string, object?> Row(double beak, string island, double depth, double flipper, double mass, string sex) => new()
    {
        ["island"] = island, ["beak_length_mm"] = beak, ["beak_depth_mm"] = depth, ["flipper_length_mm"] = flipper, ["body_mass_g"] = mass, ["sex"] = sex,
    };

    /// <summary>Every column of a scored file as text, null where a cell is empty (CSV) or null (Parquet).</summary>
    private static async Task<Dictionary<string, string?[]>> ReadColumnsAsync(string path)
    {
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            var lines = await File.ReadAllLinesAsync(path);
            var header = lines[0].Split(',');
            var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
            return header.Select((name, c) => (name, values: cells.Select(row => row[c].Length == 0 ? null : row[c]).ToArray()))
                .ToDictionary(p => p.name, p => p.values, StringComparer.Ordinal);
        }

        await using var reader = await Parquet.ParquetReader.CreateAsync(path);
        using var group = reader.OpenRowGroupReader(0);
        var columns = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var field in reader.Schema.GetDataFields())
        {
            if (field.ClrType == typeof(double))
            {
                var numbers = new double?[group.RowCount];
                await group.ReadAsync<double>(field, numbers.AsMemory(), null, CancellationToken.None);
                columns[field.Name] = numbers.Select(v => v?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            }
            else
            {
                var texts = new string?[group.RowCount];
                await group.ReadAsync(field, texts.AsMemory(), null, CancellationToken.None);
                columns[field.Name] = texts;
            }
        }

        return columns;
    }
}
