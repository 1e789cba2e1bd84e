using System.Diagnostics;
using System.Globalization;
using System.Text;
using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Bench;

/// <summary>
/// Times fitting and prediction of every hand-written algorithm (default hyperparameters) on synthetic data
/// (default 5,000 rows × 10 features; regression and 3-class classification) and writes the figures to markdown.
/// Prediction is timed both as one <c>PredictBatch</c> call and as a <c>Predict</c> call per row.
/// Usage: algorithms [--rows N] [--runs N] [--out bench/results/algorithms.md].
/// </summary>
internal static class AlgorithmBench
{
    private const int Columns = 10;

    public static int Run(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "5000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "algorithms.md");

        var results = new List<(string Algorithm, TaskKind Task, double Fit, double Batch, double PerRow, double Quality)>();
        var wall = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var algorithm in HandWrittenAlgorithms.All())
        {
            foreach (var task in new[] { TaskKind.Regression, TaskKind.Multiclass }.Where(algorithm.Tasks.Contains))
            {
                var train = Synthetic(task, rows, seed: 1);
                var test = Synthetic(task, rows, seed: 2);
                var hyperparameters = algorithm.SearchSpace(task).Defaults();
                var model = algorithm.Fit(train, hyperparameters, seed: 0); // warm-up: JIT and tiering, not timed
                var fit = Median(runs, () => model = algorithm.Fit(train, hyperparameters, seed: 0));
                var buffer = new double[test.Rows * model.OutputWidth];
                var batch = Median(runs, () => model.PredictBatch(test.Features, buffer));
                var perRow = Median(runs, () =>
                {
                    for (var i = 0; i < test.Rows; i++)
                    {
                        model.Predict(test.Features.Row(i), buffer.AsSpan(i * model.OutputWidth, model.OutputWidth));
                    }
                });
                var quality = Quality(model, test, buffer);
                results.Add((algorithm.Name, task, fit, batch, perRow, quality));
                Console.WriteLine(Invariant($"{algorithm.Name,-14} {task,-10} fit {fit * 1000,9:F1} ms  batch {batch * 1000,8:F1} ms  per-row {perRow * 1000,8:F1} ms  quality {quality:F3}"));
            }
        }

        // CPU time over wall time: below the core count, other jobs on the machine were taking the CPUs.
        var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds;
        WriteMarkdown(output, rows, runs, cores, results);
        return 0;
    }

    private static double Median(int runs, Action action)
    {
        var seconds = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            seconds[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(seconds);
        return seconds[runs / 2];
    }

    /// <summary>R² for regression, accuracy for classification, on held-out rows (so a fast but broken model shows).</summary>
    private static double Quality(ITrainedModel model, TrainingData test, double[] buffer)
    {
        model.PredictBatch(test.Features, buffer);
        if (test.Task == TaskKind.Regression)
        {
            var mean = test.Labels.Average();
            var residual = test.Labels.Select((y, i) => (y - buffer[i]) * (y - buffer[i])).Sum();
            return 1 - (residual / test.Labels.Sum(y => (y - mean) * (y - mean)));
        }

        var width = model.OutputWidth;
        var right = 0;
        for (var i = 0; i < test.Rows; i++)
        {
            var row = buffer.AsSpan(i * width, width);
            right += row.IndexOf(MaxOf(row)) == (int)test.Labels[i] ? 1 : 0;
        }

        return (double)right / test.Rows;
    }

    private static double MaxOf(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    /// <summary>Gaussian features; y = Σ_j (j − 4.5)/4.5·x_j + N(0, 0.5²), or the class of the larger of x₀ + x₁, x₁ − x₂ and 0.5.</summary>
    private static TrainingData Synthetic(TaskKind task, int rows, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * Columns];
        var labels = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < Columns; j++)
            {
                var x = Normal(random);
                values[(i * Columns) + j] = x;
                sum += (j - 4.5) / 4.5 * x;
            }

            var x0 = values[i * Columns];
            var x1 = values[(i * Columns) + 1];
            var x2 = values[(i * Columns) + 2];
            labels[i] = task == TaskKind.Regression
                ? sum + (0.5 * Normal(random))
                : x0 + x1 > Math.Max(x1 - x2, 0.5) ? 0 : x1 - x2 > 0.5 ? 1 : 2;
        }

        var names = Enumerable.Range(0, Columns).Select(j => $"x{j}").ToArray();
        return new TrainingData(new FeatureMatrix(values, rows, Columns, names), labels, task, task == TaskKind.Regression ? 0 : 3);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void WriteMarkdown(string path, int rows, int runs, double cores, List<(string Algorithm, TaskKind Task, double Fit, double Batch, double PerRow, double Quality)> results)
    {
        var md = new StringBuilder();
        md.AppendLine("# Hand-written algorithms benchmark").AppendLine();
        md.AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- algorithms` · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} logical cores · .NET {Environment.Version} · {System.Runtime.InteropServices.RuntimeInformation.OSDescription}")).AppendLine();
        md.AppendLine(Invariant($"Synthetic data: {rows:N0} training rows and {rows:N0} held-out rows × {Columns} Gaussian features; default hyperparameters; median of {runs} timed runs after one warm-up. Prediction times are for all {rows:N0} held-out rows. Quality is R² (regression) or accuracy (3 classes) on the held-out rows.")).AppendLine();
        md.AppendLine(Invariant($"The process used {cores:F2} cores on average over the run (CPU time ÷ wall time). Fitting is single-threaded, so an idle machine shows about 1; less means other jobs held the CPUs and the times are inflated by about that factor.")).AppendLine();
        md.AppendLine("| Algorithm | Task | Fit (ms) | PredictBatch (ms) | Predict per row, all rows (ms) | Quality |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(Invariant($"| {r.Algorithm} | {r.Task.ToString().ToLowerInvariant()} | {r.Fit * 1000:F1} | {r.Batch * 1000:F1} | {r.PerRow * 1000:F1} | {r.Quality:F3} |"));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, md.ToString());
        Console.WriteLine($"wrote {path}");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
