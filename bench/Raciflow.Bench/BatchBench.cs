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
/// with each (after one warm-up on a small file) and writes rows/s, CPU time and peak memory to a markdown file.
/// Usage: batch [--rows N] [--out bench/results/batch.md] [--work DIR].
/// </summary>
internal static class BatchBench
{
    private const int Numeric = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "batch.md");
        var work = Option(args, "--work") ?? Directory.CreateTempSubdirectory("raciflow-batch-bench-").FullName;
        var input = Path.Combine(work, "rows.csv");
        var warmInput = Path.Combine(work, "warm.csv");
        WriteCsv(input, rows, seed: 2);
        WriteCsv(warmInput, 50_000, seed: 3);
        Console.WriteLine(Invariant($"wrote {rows:N0} rows ({new FileInfo(input).Length / 1e6:F0} MB) to {input}"));

        var training = Frame(20_000, seed: 1);
        var report = new StringBuilder();
        report.AppendLine("# Batch scoring").AppendLine()
            .AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- batch --rows {rows}`: {rows:N0} rows × {Numeric + 2} input columns ({Numeric} numeric, 2 categorical) from CSV to CSV (input columns copied + `prediction`), {Environment.ProcessorCount} cores.")).AppendLine()
            .AppendLine("| Model | Rows | Wall s | Rows/s | CPU s | Peak working set |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var (algorithm, hyperparameters) in new[] { ("linear", new Dictionary<string, object>()), ("random-forest", new Dictionary<string, object> { ["trees"] = 100 }) })
        {
            var bundle = BenchModels.Train(training, "y", algorithm, hyperparameters);
            await BatchScorer.ScoreAsync(bundle, warmInput, Path.Combine(work, "warm-out.csv"));
            var result = await BatchScorer.ScoreAsync(bundle, input, Path.Combine(work, $"scored-{algorithm}.csv"));
            var line = Invariant($"| {algorithm}{(algorithm == "random-forest" ? " (100 trees, 32 leaves)" : string.Empty)} | {result.Rows:N0} | {result.Elapsed.TotalSeconds:F2} | {result.RowsPerSecond:N0} | {result.CpuTime.TotalSeconds:F2} | {result.PeakMemoryBytes / (1024.0 * 1024):N0} MiB |");
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        report.AppendLine().AppendLine("Peak working set is the whole process's (training data and models included). The machine was shared with other jobs while this ran, so wall-clock figures are pessimistic; CPU seconds show the work itself.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, report.ToString());
        Directory.Delete(work, recursive: true);
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
