using System.Diagnostics;
using System.Globalization;
using System.Text;
using Raciflow.Training;
using Raciflow.Training.Algorithms;
using static Raciflow.Bench.Training.BenchArgs;

namespace Raciflow.Bench.Training;

/// <summary>
/// Training speed: (1) the whole catalog with the default request on a 1,000-row student-performance-like
/// regression set, wall time; (2) fit throughput (rows/s) and peak memory on a synthetic 1,000,000 × 20 set for the
/// boosted and linear models, each fit in a fresh child process so its peak working set is its own.
/// Usage: training [--rows N] [--skip-throughput] [--out FILE].
/// </summary>
internal static class TrainingSpeedBench
{
    private static readonly (string Algorithm, TaskKind Task)[] ThroughputCases =
    [
        ("lightgbm", TaskKind.Regression),
        ("fast-tree", TaskKind.Regression),
        ("lightgbm", TaskKind.Binary),
        ("logistic-regression", TaskKind.Binary),
        ("linear", TaskKind.Regression),
        ("ridge", TaskKind.Regression),
        ("lasso", TaskKind.Regression),
        ("elastic-net", TaskKind.Regression),
    ];

    public static int Run(string[] args)
    {
        var rows = Int(args, "--rows", 1_000_000);
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "training.md");
        var md = new StringBuilder("# Training speed\n\n");
        md.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, shared with other builds while measured (figures are upper bounds). Command: `dotnet run -c Release --project bench/Raciflow.Bench -- training`."));
        md.AppendLine();
        md.AppendLine("## Full catalog, 1,000-row student-performance-like regression").AppendLine();
        md.AppendLine("| request | algorithms | trials per algorithm | wall time (s) | process CPU time (s) | best algorithm | best test R² |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | ---: |");
        var frame = StudentPerformanceData.Create(1000, seed: 7);
        foreach (var (label, request) in new[]
        {
            ("default request (default hyperparameters, 5-fold CV), first run in the process", new TrainingRequest { Target = "math_score" }),
            ("default request, warm", new TrainingRequest { Target = "math_score" }),
            ("tuned: TPE, 10 trials, 5-fold CV, median stopping", new TrainingRequest { Target = "math_score", Trials = 10 }),
        })
        {
            // CPU time beside wall time: on a shared machine the wall time mostly measures the neighbours.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = new ModelTrainer(AlgorithmCatalog.CreateDefault(), TimeProvider.System)
                .TrainAsync(frame, SplitIndices.Shuffled(frame.RowCount, 0, 0.2, 42), request).GetAwaiter().GetResult();
            var seconds = watch.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var best = result.Leaderboard.MaxBy(r => r.TestMetrics["r2"])!;
            md.AppendLine(Invariant($"| {label} | {result.Leaderboard.Count} | {request.Trials} | {seconds:F1} | {cpu:F1} | {best.Algorithm} | {best.TestMetrics["r2"]:F3} |"));
            Console.WriteLine(Invariant($"{label}: {seconds:F1} s wall, {cpu:F1} s CPU"));
            foreach (var r in result.Leaderboard)
            {
                Console.WriteLine(Invariant($"  {r.Algorithm,-20} {r.Duration.TotalSeconds,6:F2} s  test r2 {r.TestMetrics["r2"]:F3}"));
            }
        }

        if (!args.Contains("--skip-throughput"))
        {
            md.AppendLine();
            md.AppendLine(Invariant($"## Fit throughput, synthetic {rows:N0} × 20 (default hyperparameters; 1 thread per ML.NET fit)")).AppendLine();
            md.AppendLine("| algorithm | task | fit time (s) | rows/s | peak working set (MiB) |");
            md.AppendLine("| --- | --- | ---: | ---: | ---: |");
            foreach (var (algorithm, task) in ThroughputCases)
            {
                var line = RunChild(algorithm, task, rows);
                md.AppendLine(line);
                Console.WriteLine(line);
            }

            md.AppendLine();
            md.AppendLine("Peak working set is the child process's whole peak: the feature matrix (rows × 20 × 8 bytes), the labels, ML.NET's float copy and the learner's own state.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, md.ToString());
        return 0;
    }

    /// <summary>Child-process mode: generates the data, fits once, prints one markdown table row.</summary>
    public static int FitOnce(string[] args)
    {
        var algorithmName = args[0];
        var task = Enum.Parse<TaskKind>(args[1]);
        var rows = int.Parse(args[2], CultureInfo.InvariantCulture);
        var data = Synthetic(task, rows, 20, seed: 1);
        // One thread by default: LightGBM's OpenMP threads spin-wait and collapse when the cores are shared (see results).
        var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var catalog = new AlgorithmCatalog(MlNetAlgorithms.All(threads).Concat(HandWrittenAlgorithms.All()));
        var algorithm = catalog.Get(algorithmName, task);
        var watch = Stopwatch.StartNew();
        algorithm.Fit(data, algorithm.SearchSpace(task).Defaults(), seed: 1);
        var seconds = watch.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(Invariant($"| {algorithmName} ({threads} thread{(threads == 1 ? "" : "s")}) | {task.ToString().ToLowerInvariant()} | {seconds:F1} | {rows / seconds:N0} | {self.PeakWorkingSet64 / (1024.0 * 1024):F0} |"));
        return 0;
    }

    private static string RunChild(string algorithm, TaskKind task, int rows)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("Raciflow.Bench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(TrainingSpeedBench).Assembly.Location);
        }

        foreach (var a in new[] { "training-fit", algorithm, task.ToString(), rows.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return output.Split('\n').LastOrDefault(l => l.StartsWith('|'))?.Trim() ?? $"| {algorithm} | {task} | failed (exit {child.ExitCode}) | | |";
    }

    /// <summary>y = w·x + noise with Gaussian x; for binary, the sign of the linear score.</summary>
    private static TrainingData Synthetic(TaskKind task, int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, columns).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var x = new double[rows * columns];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            double score = 0;
            for (var c = 0; c < columns; c++)
            {
                var v = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                x[(r * columns) + c] = v;
                score += weights[c] * v;
            }

            var noisy = score + (0.3 * ((random.NextDouble() * 2) - 1));
            y[r] = task == TaskKind.Regression ? noisy : noisy > 0 ? 1 : 0;
        }

        var names = Enumerable.Range(0, columns).Select(c => $"x{c}").ToArray();
        return new TrainingData(new Raciflow.Training.FeatureMatrix(x, rows, columns, names), y, task, task == TaskKind.Regression ? 0 : 2);
    }
}
