using System.Diagnostics;
using System.Globalization;
using System.Text;
using Raciflow.Data;
using Raciflow.Serving.Batch;
using Raciflow.Training;
using Raciflow.Training.Preprocessing;

namespace Raciflow.Bench;

/// <summary>
/// Batch scoring speed: generates a CSV (default 1,000,000 rows × 8 numeric + 2 categorical columns), trains a
/// linear model and a 100-tree random forest on 20,000 rows of the same distribution, scores the CSV into a CSV
/// with each (after two warm-ups on a small file) and writes rows/s, CPU time and peak memory to a markdown file:
/// batch-latest.md by default, since batch.md keeps the dated runs and what each change did, by hand.
/// Usage: batch [--rows N] [--out bench/results/batch-latest.md] [--work DIR] [--models linear,random-forest] [--formats csv,parquet]
/// (the last two narrow a run down while profiling one case).
/// </summary>
internal static class BatchBench
{
    private const int Numeric = 8;
    private const int WarmUps = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "batch-latest.md");
        // A chosen --work folder keeps the inputs and scored outputs (to compare outputs between versions).
        var keep = Option(args, "--work") is not null;
        var work = Option(args, "--work") ?? Directory.CreateTempSubdirectory("raciflow-batch-bench-").FullName;
        Directory.CreateDirectory(work);
        var models = (Option(args, "--models") ?? "linear,random-forest").Split(',');
        var formats = (Option(args, "--formats") ?? "csv,parquet").Split(',');
        var input = Path.Combine(work, "rows.csv");
        var warmInput = Path.Combine(work, "warm.csv");
        WriteCsv(input, rows, seed: 2);
        WriteCsv(warmInput, 50_000, seed: 3);
        var parquetInput = Path.Combine(work, "rows.parquet");
        var warmParquet = Path.Combine(work, "warm.parquet");
        if (formats.Contains("parquet"))
        {
            await WriteParquetAsync(parquetInput, rows, seed: 2);
            await WriteParquetAsync(warmParquet, 50_000, seed: 3);
        }

        Console.WriteLine(Invariant($"wrote {rows:N0} rows ({new FileInfo(input).Length / 1e6:F0} MB) to {input}"));

        var training = Frame(20_000, seed: 1);
        var report = new StringBuilder();
        report.AppendLine("# Batch scoring").AppendLine()
            .AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- batch --rows {rows}`: {rows:N0} rows × {Numeric + 2} input columns ({Numeric} numeric, 2 categorical), the same rows as CSV and as Parquet (row groups of {ParquetRowGroup:N0}), scored into the same format (input columns copied + `prediction`), {Environment.ProcessorCount} cores; load average at the start {LoadAverage()}.")).AppendLine()
            .AppendLine("| Model | Format | Rows | Wall s | Rows/s | CPU s | Peak working set |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (algorithm, hyperparameters) in new[] { ("linear", new Dictionary<string, object>()), ("random-forest", new Dictionary<string, object> { ["trees"] = 100 }) }.Where(m => models.Contains(m.Item1)))
        {
            var bundle = BenchModels.Train(training, "y", algorithm, hyperparameters);
            foreach (var (format, warm, scored) in new[] { ("CSV", warmInput, input), ("Parquet", warmParquet, parquetInput) }.Where(f => formats.Contains(f.Item1.ToLowerInvariant())))
            {
                var extension = Path.GetExtension(scored);
                // Two warm-ups: after one, the hot loops (and csFastFloat's) are still mostly in the quick or the
                // instrumented JIT tier, and a 1M-row run would time the tiering rather than the scoring.
                for (var pass = 0; pass < WarmUps; pass++)
                {
                    await BatchScorer.ScoreAsync(bundle, warm, Path.Combine(work, "warm-out" + extension));
                }

                var result = await BatchScorer.ScoreAsync(bundle, scored, Path.Combine(work, $"scored-{algorithm}{extension}"));
                var line = Invariant($"| {algorithm}{(algorithm == "random-forest" ? " (100 trees, 32 leaves)" : string.Empty)} | {format} | {result.Rows:N0} | {result.Elapsed.TotalSeconds:F2} | {result.RowsPerSecond:N0} | {result.CpuTime.TotalSeconds:F2} | {result.PeakMemoryBytes / (1024.0 * 1024):N0} MiB |");
                Console.WriteLine(line);
                report.AppendLine(line);
            }
        }

        report.AppendLine().AppendLine("Peak working set is the whole process's (training data and models included). The machine was shared with other jobs while this ran, so wall-clock figures are pessimistic; CPU seconds show the work itself.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, report.ToString());
        if (!keep)
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static Frame Frame(int rows, int seed)
    {
        var random = new Random(seed);
        var numbers = Enumerable.Range(0, Numeric).Select(_ => new double[rows]).ToArray();
        var colour = new string?[rows];
        var size = new string?[rows];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            (var values, colour[r], size[r], y[r]) = Row(random);
            for (var c = 0; c < Numeric; c++)
            {
                numbers[c][r] = values[c];
            }
        }

        var columns = numbers.Select((v, c) => (FrameColumn)new NumericColumn($"x{c}", ColumnType.Numeric, v)).ToList();
        columns.Add(new StringColumn("colour", ColumnType.Categorical, colour));
        columns.Add(new StringColumn("size", ColumnType.Categorical, size));
        columns.Add(new NumericColumn("y", ColumnType.Numeric, y));
        return new Frame(columns);
    }

    private static void WriteCsv(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', Enumerable.Range(0, Numeric).Select(c => $"x{c}")));
        writer.Write(",colour,size\n");
        for (var r = 0; r < rows; r++)
        {
            var (values, colour, size, _) = Row(random);
            foreach (var v in values)
            {
                writer.Write(double.IsNaN(v) ? string.Empty : v.ToString("F3", CultureInfo.InvariantCulture));
                writer.Write(',');
            }

            writer.Write(colour);
            writer.Write(',');
            writer.Write(size);
            writer.Write('\n');
        }
    }

    private const int ParquetRowGroup = 100_000;

    /// <summary>The same rows as <see cref="WriteCsv"/> (same seed, same values), as Parquet: doubles with nulls, text.</summary>
    private static async Task WriteParquetAsync(string path, int rows, int seed)
    {
        var random = new Random(seed);
        var fields = Enumerable.Range(0, Numeric).Select(c => (Parquet.Schema.DataField)new Parquet.Schema.DataField<double?>($"x{c}")).ToList();
        fields.Add(new Parquet.Schema.DataField<string>("colour"));
        fields.Add(new Parquet.Schema.DataField<string>("size"));
        var schema = new Parquet.Schema.ParquetSchema(fields);
        await using var file = File.Create(path);
        await using var writer = await Parquet.ParquetWriter.CreateAsync(schema, file);
        for (var start = 0; start < rows; start += ParquetRowGroup)
        {
            var count = Math.Min(ParquetRowGroup, rows - start);
            var numbers = Enumerable.Range(0, Numeric).Select(_ => new double?[count]).ToArray();
            var colours = new string[count];
            var sizes = new string[count];
            for (var r = 0; r < count; r++)
            {
                var (values, colour, size, _) = Row(random);
                for (var c = 0; c < Numeric; c++)
                {
                    // As the CSV writes them (3 decimals), so both files hold the same numbers.
                    numbers[c][r] = double.IsNaN(values[c]) ? null : double.Parse(values[c].ToString("F3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                }

                colours[r] = colour;
                sizes[r] = size;
            }

            using var group = writer.CreateRowGroup();
            for (var c = 0; c < Numeric; c++)
            {
                await group.WriteAsync<double>(schema.DataFields[c], numbers[c], null, null);
            }

            await group.WriteAsync(schema.DataFields[Numeric], colours, null);
            await group.WriteAsync(schema.DataFields[Numeric + 1], sizes, null);
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static readonly string[] Colours = ["red", "green", "blue", "yellow", "black"];
    private static readonly string[] Sizes = ["S", "M", "L"];

    private static (double[] Values, string Colour, string Size, double Y) Row(Random random)
    {
        var values = new double[Numeric];
        for (var c = 0; c < Numeric; c++)
        {
            values[c] = Math.Round((random.NextDouble() * 100) - 50, 3);
        }

        var colour = Colours[random.Next(Colours.Length)];
        var size = Sizes[random.Next(Sizes.Length)];
        var y = (2 * values[0]) - values[1] + (0.5 * values[2] * Math.Sign(values[3])) + (colour == "red" ? 10 : 0) + (size == "L" ? 5 : 0) + random.NextDouble();
        if (random.NextDouble() < 0.01)
        {
            values[4] = double.NaN;
        }

        return (values, colour, size, y);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
