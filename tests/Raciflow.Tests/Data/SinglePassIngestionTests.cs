using System.Globalization;
using System.Text;
using Raciflow.Data;
using Raciflow.Data.Ingestion;

namespace Raciflow.Tests.Data;

/// <summary>
/// A CSV is converted during its first read on a schema guessed from its first rows; the result must be exactly
/// what the second pass over the private copy writes, and a wrong guess must fall back to that second pass.
/// </summary>
public sealed class SinglePassIngestionTests : IDisposable
{
    private const int Rows = 230_000;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raciflow-single-pass-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task TheSinglePassCopyIsByteForByteTheSecondPassCopyWithTheSameStatistics()
    {
        var file = Write("mixed.csv", MixedRows(Rows, laterType: static i => FormattableString.Invariant($"{i % 977}")));

        var (staged, secondPass, statistics) = await StageAndRunSecondPassAsync(file);

        Assert.NotNull(staged.ParquetPath);
        Assert.Equal(Rows, staged.Rows);
        Assert.Equal(ColumnType.Integer, staged.Schema.Find("later")!.Type);
        Assert.Equal(File.ReadAllBytes(secondPass), File.ReadAllBytes(staged.ParquetPath));
        Assert.Equal(DatasetJson.Serialize(statistics), DatasetJson.Serialize(staged.Statistics!));
    }

    [Fact]
    public async Task ACategoricalGuessThatEndsAsTextKeepsTheSinglePassCopyAndReportsText()
    {
        // The first 100,000 rows hold ten labels (categorical); the rest are unique, so the whole column is text.
        var file = Write("labels.csv", MixedRows(Rows, laterType: static i => i < 100_000 ? $"label{i % 10}" : $"note {i} \"x\""));

        var (staged, secondPass, statistics) = await StageAndRunSecondPassAsync(file);

        Assert.Equal(ColumnType.Text, staged.Schema.Find("later")!.Type);
        Assert.NotNull(staged.ParquetPath);
        Assert.Equal(ColumnType.Text, staged.Statistics!.Single(s => s.Name == "later").Type);
        Assert.Equal(File.ReadAllBytes(secondPass), File.ReadAllBytes(staged.ParquetPath));
        Assert.Equal(DatasetJson.Serialize(statistics), DatasetJson.Serialize(staged.Statistics!));
    }

    [Fact]
    public async Task AColumnThatChangesTypeAfterTheFirstRowGroupIsConvertedByTheSecondPass()
    {
        // Integers for the first 150,000 rows, decimals after: the guess (integer) is wrong for the whole file (numeric).
        var file = Write("drift.csv", MixedRows(Rows, laterType: static i => i < 150_000 ? $"{i}" : FormattableString.Invariant($"{i}.5")));
        var ingestor = new TableIngestor(_folder.FullName);

        var staged = await ingestor.StageAsync(file, TableIngestor.Csv, _ => { }, CancellationToken.None);

        Assert.Null(staged.ParquetPath);
        Assert.Null(staged.Statistics);
        Assert.Equal((await PlainInferenceAsync(file)).Columns, staged.Schema.Columns);
        Assert.Equal(ColumnType.Numeric, staged.Schema.Find("later")!.Type);
        Assert.Equal([staged.CopyPath], _folder.GetFiles("*.rf-tmp").Select(f => f.FullName));

        var (parquet, statistics) = await ingestor.WriteParquetAsync(staged, _ => { }, CancellationToken.None);
        var later = statistics.Single(s => s.Name == "later");
        Assert.Equal(0, later.Invalid);
        Assert.Equal((0.0, Rows - 0.5), (later.Min!.Value, later.Max!.Value));
        Assert.True(new FileInfo(parquet).Length > 0);
    }

    [Fact]
    public async Task ProgressOnlyMovesForwardWhenASecondPassFollows()
    {
        var file = Write("drift.csv", MixedRows(Rows, laterType: static i => i < 150_000 ? $"{i}" : FormattableString.Invariant($"{i}.5")));
        var ingestor = new TableIngestor(_folder.FullName);
        var reported = new List<double>();

        var staged = await ingestor.StageAsync(file, TableIngestor.Csv, reported.Add, CancellationToken.None);
        await ingestor.WriteParquetAsync(staged, reported.Add, CancellationToken.None);

        Assert.Equal(reported.Order(), reported);
        Assert.Equal(1.0, reported[^1]);
    }

    private async Task<(StagedSource Staged, string SecondPass, IReadOnlyList<ColumnStatistics> Statistics)> StageAndRunSecondPassAsync(string file)
    {
        var ingestor = new TableIngestor(_folder.FullName);
        var staged = await ingestor.StageAsync(file, TableIngestor.Csv, _ => { }, CancellationToken.None);
        Assert.Equal((await PlainInferenceAsync(file)).Columns, staged.Schema.Columns);
        var (secondPass, statistics) = await ingestor.WriteParquetAsync(staged with { ParquetPath = null, Statistics = null }, _ => { }, CancellationToken.None);
        return (staged, secondPass, statistics);
    }

    /// <summary>The schema that inference alone (every value parsed by it, none reused from the converter) gives.</summary>
    private static async Task<DatasetSchema> PlainInferenceAsync(string file)
    {
        await using var csv = CsvTableSource.Open(File.OpenRead(file), file, file);
        var inference = new TypeInferencePass(csv.ColumnNames);
        await csv.ReadAsync(inference, null, CancellationToken.None);
        return inference.Schema();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Mixed columns (with missing and invalid values) plus a column "later" whose values depend on the row.</summary>
    private static string MixedRows(int rows, Func<int, string> laterType)
    {
        var random = new Random(7);
        var text = new StringBuilder("id,amount,count,colour,day,flag,comment,later\n");
        for (var i = 0; i < rows; i++)
        {
            var amount = i % 31 == 0 ? "NA" : (random.NextDouble() * 1000).ToString("F3", CultureInfo.InvariantCulture);
            var count = i % 5003 == 0 ? "lots" : random.Next(100).ToString(CultureInfo.InvariantCulture);
            var comment = i % 7 == 0 ? string.Empty : $"\"free, text {random.Next()}\"";
            text.Append(CultureInfo.InvariantCulture, $"{i},{amount},{count},{(i % 3 == 0 ? "red" : "blue")},{(i % 4001 == 0 ? "soon" : $"2024-02-{(i % 28) + 1:00} 10:{i % 60:00}:00")},{(i % 6007 == 0 ? "maybe" : i % 2 == 0)},{comment},{laterType(i)}\n");
        }

        return text.ToString();
    }
}
