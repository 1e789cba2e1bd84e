using System.Globalization;
using Parquet;
using Raciflow.Data;
using Raciflow.Serving.Batch;
using Raciflow.Tests.Packaging;
using Raciflow.Tests.Packaging.Onnx;
using Raciflow.Tests.Support;
using Raciflow.Tests.Training;
using Raciflow.Training;

namespace Raciflow.Tests.Serving.Batch;

/// <summary>
/// Batch scoring gives the numbers of <see cref="ModelBundle.Predict"/> (and of the ONNX export) for every row,
/// across chunk boundaries, from CSV and Parquet, with missing values and an unseen category; bad input names
/// file, row and column and leaves no output behind.
/// </summary>
public sealed class BatchScorerTests : IDisposable
{
    private const string Probes = "Adelie,Atlantis,39.1,18.7,181,3750,MALE\nAdelie,Biscoe,,17.4,186,,FEMALE\nAdelie,,45.2,18,195,5100,\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("raciflow-batch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("linear", TaskKind.Regression)]
    [InlineData("random-forest", TaskKind.Multiclass)]
    [InlineData("random-forest", TaskKind.Regression)]
    [InlineData("logistic-regression", TaskKind.Binary)]
    public async Task BundleBatchAndOnnxGiveTheSameNumbers(string algorithm, TaskKind task)
    {
        var target = OnnxExporterTests.TargetFor(task);
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows(target), target, algorithm, task);
        var input = WriteInput();
        var rows = CsvFrames.Load(input);
        var expected = bundle.PredictRaw(rows);

        var csv = Path.Combine(_folder, "scored.csv");
        var result = await BatchScorer.ScoreAsync(bundle, input, csv, chunkRows: 50);
        Assert.Equal(rows.RowCount, result.Rows);
        AssertClose(expected, ReadCsvOutputs(csv, bundle), 1e-12);

        var parquet = Path.Combine(_folder, "scored.parquet");
        await BatchScorer.ScoreAsync(bundle, input, parquet, chunkRows: 64);
        AssertClose(expected, await ReadParquetOutputsAsync(parquet, bundle), 1e-12);

        // The Parquet output (input columns + predictions) is itself a valid input.
        var again = Path.Combine(_folder, "again.csv");
        await BatchScorer.ScoreAsync(bundle, parquet, again, chunkRows: 1000);
        AssertClose(expected, ReadCsvOutputs(again, bundle), 1e-12);

        var (onnx, _) = OnnxScoring.Score(OnnxScoring.Export(bundle), bundle, rows);
        AssertClose(expected, onnx, 1e-4);

        if (task != TaskKind.Regression)
        {
            var labels = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')[7]).ToArray();
            Assert.Equal(bundle.Predict(rows).Select(p => p.Label).ToArray(), labels);
        }
    }

    [Fact]
    public async Task NumbersInEveryFormatAreReadAsDoubleParseReadsThem()
    {
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows("body_mass_g"), "body_mass_g", "linear", TaskKind.Regression);
        var random = new Random(4);
        string[] formats = ["R", "F3", "E10", "G5", "0.##########", "F0"];
        var lines = new List<string> { "species,island,beak_length_mm,beak_depth_mm,flipper_length_mm,sex" };
        var expected = new List<double[]>();
        for (var r = 0; r < 3000; r++)
        {
            var cells = new string[3];
            var values = new double[3];
            for (var c = 0; c < 3; c++)
            {
                var value = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-30, 30));
                cells[c] = (r % 7) switch
                {
                    0 => " " + value.ToString("R", CultureInfo.InvariantCulture) + " ",
                    1 => "+" + Math.Abs(value).ToString("R", CultureInfo.InvariantCulture),
                    2 => r % 3 == 0 ? "NA" : string.Empty,
                    3 => (r % 2 == 0 ? "." : "-.") + random.Next(1, 99999).ToString(CultureInfo.InvariantCulture),
                    _ => value.ToString(formats[random.Next(formats.Length)], CultureInfo.InvariantCulture),
                };
                values[c] = double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
            }

            lines.Add($"Adelie,Biscoe,{cells[0]},{cells[1]},{cells[2]},MALE");
            expected.Add(values);
        }

        var input = Path.Combine(_folder, "formats.csv");
        File.WriteAllLines(input, lines);
        var frame = new Frame(
        [
            new StringColumn("species", ColumnType.Categorical, Enumerable.Repeat<string?>("Adelie", expected.Count).ToArray()),
            new StringColumn("island", ColumnType.Categorical, Enumerable.Repeat<string?>("Biscoe", expected.Count).ToArray()),
            .. new[] { "beak_length_mm", "beak_depth_mm", "flipper_length_mm" }.Select((name, c) => new NumericColumn(name, ColumnType.Numeric, expected.Select(v => v[c]).ToArray())),
            new StringColumn("sex", ColumnType.Categorical, Enumerable.Repeat<string?>("MALE", expected.Count).ToArray()),
        ]);

        var output = Path.Combine(_folder, "formats-out.csv");
        await BatchScorer.ScoreAsync(bundle, input, output, chunkRows: 700);

        Assert.Equal(bundle.PredictRaw(frame), ReadCsvOutputs(output, bundle));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10_000)]
    public async Task QuotedCellsAndCrlfAreReadAndTheRowsCopiedThroughVerbatim(int chunkRows)
    {
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows("body_mass_g"), "body_mass_g", "linear", TaskKind.Regression);
        string[] rows =
        [
            "Adelie;\"Biscoe\";39.1;18.7;181;\"says \"\"hi\"\"; twice\";MALE",
            "\"Adelie\";Dream;\"40.5\";17.9;187;\"two\r\nlines\";FEMALE",
            "Gentoo;Biscoe;46.1;13.2;211;plain;NA",
            "Chinstrap;\"Dre\"\"am\";;19;195;;MALE",
        ];
        var input = Path.Combine(_folder, "quoted.csv");
        var lines = Enumerable.Range(0, 300).Select(i => rows[i % rows.Length]).ToList();
        File.WriteAllText(input, "species;island;beak_length_mm;beak_depth_mm;flipper_length_mm;note;sex\r\n" + string.Join("\r\n", lines) + "\r\n");
        var expectedRows = Enumerable.Range(0, 300).Select(i => i % rows.Length).ToArray();
        var frame = new Frame(
        [
            new StringColumn("species", ColumnType.Categorical, expectedRows.Select(r => (string?)new[] { "Adelie", "Adelie", "Gentoo", "Chinstrap" }[r]).ToArray()),
            new StringColumn("island", ColumnType.Categorical, expectedRows.Select(r => (string?)new[] { "Biscoe", "Dream", "Biscoe", "Dre\"am" }[r]).ToArray()),
            new NumericColumn("beak_length_mm", ColumnType.Numeric, expectedRows.Select(r => new[] { 39.1, 40.5, 46.1, double.NaN }[r]).ToArray()),
            new NumericColumn("beak_depth_mm", ColumnType.Numeric, expectedRows.Select(r => new[] { 18.7, 17.9, 13.2, 19 }[r]).ToArray()),
            new NumericColumn("flipper_length_mm", ColumnType.Numeric, expectedRows.Select(r => new double[] { 181, 187, 211, 195 }[r]).ToArray()),
            new StringColumn("sex", ColumnType.Categorical, expectedRows.Select(r => new[] { "MALE", "FEMALE", null, "MALE" }[r]).ToArray()),
        ]);
        var expected = bundle.PredictRaw(frame);
        var output = Path.Combine(_folder, "quoted-out.csv");

        await BatchScorer.ScoreAsync(bundle, input, output, chunkRows);

        var text = File.ReadAllText(output);
        var outputRows = text.Split('\n')[1..^1].Select(l => l.Replace("\r\nlines", "\nlines", StringComparison.Ordinal)).ToArray();
        Assert.StartsWith("species;island;beak_length_mm;beak_depth_mm;flipper_length_mm;note;sex;prediction\n", text);
        Assert.Equal(expected.Length, outputRows.Length - outputRows.Count(l => l.StartsWith("lines", StringComparison.Ordinal)));
        var scored = text.Split('\n', 2)[1];
        var expectedText = string.Concat(expectedRows.Select((r, i) => rows[r] + ";" + expected[i].ToString("R", CultureInfo.InvariantCulture) + "\n"));
        Assert.Equal(expectedText, scored);
    }

    [Fact]
    public async Task AWholeFileReadIntoAFrameKeepsEveryChunksValues()
    {
        // More than two chunks (and Parquet row groups): the scorer's readers reuse a chunk's arrays two chunks on,
        // which a whole-file read must not.
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows("body_mass_g"), "body_mass_g", "linear", TaskKind.Regression);
        var rows = (3 * BatchScorer.DefaultChunkRows) + 17;
        var input = Path.Combine(_folder, "many.csv");
        File.WriteAllLines(input, new[] { "species,island,beak_length_mm,beak_depth_mm,flipper_length_mm,sex" }
            .Concat(Enumerable.Range(0, rows).Select(r => string.Create(CultureInfo.InvariantCulture, $"Adelie,{(r % 2 == 0 ? "Biscoe" : "Dream")},{r},{r % 7},181,MALE"))));
        var parquet = Path.Combine(_folder, "many.parquet");
        await BatchScorer.ScoreAsync(bundle, input, parquet);

        foreach (var path in new[] { input, parquet })
        {
            var frame = await BatchFrameReader.ReadInputsAsync(bundle, path);
            Assert.Equal(rows, frame.RowCount);
            Assert.Equal(Enumerable.Range(0, rows).Select(r => (double)r), ((NumericColumn)frame["beak_length_mm"]).Values);
            Assert.Equal(Enumerable.Range(0, rows).Select(r => r % 2 == 0 ? "Biscoe" : "Dream"), ((StringColumn)frame["island"]).Values);
        }
    }

    [Fact]
    public async Task AMissingColumnIsNamedAndNoOutputIsLeft()
    {
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows("body_mass_g"), "body_mass_g", "linear", TaskKind.Regression);
        var input = Path.Combine(_folder, "partial.csv");
        File.WriteAllText(input, "species,island,beak_length_mm\nAdelie,Biscoe,39.1\n");
        var output = Path.Combine(_folder, "out.csv");

        var error = await Assert.ThrowsAsync<RaciflowException>(() => BatchScorer.ScoreAsync(bundle, input, output));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("'beak_depth_mm'", error.Message);
        Assert.Contains(input, error.Message);
        Assert.Equal("partial.csv", Path.GetFileName(Assert.Single(Directory.GetFiles(_folder))));
    }

    [Fact]
    public async Task ABadNumberNamesTheRowAndColumnAndKeepsThePreviousOutput()
    {
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows("body_mass_g"), "body_mass_g", "linear", TaskKind.Regression);
        var input = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(input, "species,island,beak_length_mm,beak_depth_mm,flipper_length_mm,sex\nAdelie,Biscoe,39.1,18.7,181,MALE\nAdelie,Biscoe,39.1,deep,181,MALE\n");
        var output = Path.Combine(_folder, "out.csv");
        File.WriteAllText(output, "previous");

        var error = await Assert.ThrowsAsync<RaciflowException>(() => BatchScorer.ScoreAsync(bundle, input, output, chunkRows: 1));

        Assert.Contains("row 3", error.Message);
        Assert.Contains("'beak_depth_mm'", error.Message);
        Assert.Contains("'deep'", error.Message);
        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    private string WriteInput()
    {
        var path = Path.Combine(_folder, "penguins.csv");
        File.WriteAllText(path, File.ReadAllText(RepositoryPaths.TestData("penguins.csv")).TrimEnd('\n') + "\n" + Probes);
        return path;
    }

    private static double[] ReadCsvOutputs(string path, ModelBundle bundle)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var columns = Predictions(bundle).Select(name => Array.IndexOf(header, name)).ToArray();
        Assert.DoesNotContain(-1, columns);
        return lines.Skip(1).SelectMany(l => columns.Select(c => double.Parse(l.Split(',')[c], CultureInfo.InvariantCulture))).ToArray();
    }

    private static async Task<double[]> ReadParquetOutputsAsync(string path, ModelBundle bundle)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var perColumn = new List<List<double>>();
        foreach (var name in Predictions(bundle))
        {
            var field = fields.Single(f => f.Name == name);
            var values = new List<double>();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var buffer = new double?[group.RowCount];
                await group.ReadAsync<double>(field, buffer.AsMemory(), null, CancellationToken.None);
                values.AddRange(buffer.Select(v => v!.Value));
            }

            perColumn.Add(values);
        }

        return Enumerable.Range(0, perColumn[0].Count).SelectMany(r => perColumn.Select(c => c[r])).ToArray();
    }

    /// <summary>The numeric prediction columns in raw-output order: the value, or one probability per class.</summary>
    private static IEnumerable<string> Predictions(ModelBundle bundle) =>
        bundle.Task == TaskKind.Regression ? ["prediction"] : bundle.Classes.Select(c => "probability_" + c);

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"output {i}: bundle {expected[i]}, other {actual[i]}");
        }
    }
}
