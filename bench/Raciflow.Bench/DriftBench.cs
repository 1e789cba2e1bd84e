using System.Diagnostics;
using System.Globalization;
using System.Text;
using Raciflow.Data;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.Drift.Reporting;

namespace Raciflow.Bench;

/// <summary>
/// Times <see cref="DriftAnalyzer.Analyze"/> on synthetic reference and current frames (default 1,000,000 rows ×
/// 20 features: 15 numeric, 5 categorical) and writes the figures to a markdown file.
/// Usage: drift [--rows N] [--runs N] [--out bench/results/drift.md] [--html report.html].
/// </summary>
internal static class DriftBench
{
    public static int Run(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "drift.md");
        var html = Option(args, "--html");

        var generation = Stopwatch.StartNew();
        var reference = SyntheticFrame(rows, seed: 1, shifted: false);
        var current = SyntheticFrame(rows, seed: 2, shifted: true);
        generation.Stop();
        var afterData = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine(Invariant($"generated 2 × {rows:N0} rows × {reference.Columns.Count} columns in {generation.Elapsed.TotalSeconds:F1} s"));

        var warmup = DriftAnalyzer.Analyze(reference, current); // JIT and tiering, not timed
        var results = new List<(string Label, double[] Seconds, double[] CpuSeconds, long Allocated)>();
        foreach (var (label, parallelism) in new[] { ("all cores", -1), ("1 core", 1) })
        {
            var options = new DriftOptions { MaxDegreeOfParallelism = parallelism };
            var seconds = new double[runs];
            var cpuSeconds = new double[runs];
            long allocated = 0;
            for (var i = 0; i < runs; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                DriftAnalyzer.Analyze(reference, current, options);
                seconds[i] = watch.Elapsed.TotalSeconds;

                // CPU time as well as wall time: on a shared machine wall time mostly measures the neighbours.
                cpuSeconds[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            Array.Sort(seconds);
            Array.Sort(cpuSeconds);
            results.Add((label, seconds, cpuSeconds, allocated));
            Console.WriteLine(Invariant($"{label}: median {seconds[runs / 2]:F3} s, min {seconds[0]:F3} s, max {seconds[^1]:F3} s, CPU median {cpuSeconds[runs / 2]:F3} s, allocated {allocated / 1048576.0:F0} MiB"));
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(Invariant($"peak working set {peak / 1048576.0:F0} MiB (data alone {afterData / 1048576.0:F0} MiB)"));
        WriteMarkdown(output, rows, runs, reference.Columns.Count, warmup, results, peak, afterData);
        if (html is not null)
        {
            File.WriteAllText(html, DriftHtmlReport.Render(warmup, "Synthetic drift benchmark", TimeProvider.System.GetUtcNow()));
        }

        return 0;
    }

    /// <summary>
    /// 15 numeric columns (normal, log-normal, uniform, integers 0–99, 3-valued, 1% missing) and 5 categorical ones
    /// (2, 5, 12, 40 and 200 categories). The current frame shifts a third of the columns.
    /// </summary>
    private static Frame SyntheticFrame(int rows, int seed, bool shifted)
    {
        var random = new Random(seed);
        var columns = new List<FrameColumn>();
        for (var j = 0; j < 15; j++)
        {
            var shift = shifted && j % 3 == 0 ? 0.25 : 0;
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                var z = Normal(random) + shift;
                values[i] = (j % 5) switch
                {
                    0 => z,
                    1 => Math.Exp(z / 2),
                    2 => random.NextDouble() + (shift / 4),
                    3 => Math.Floor(Math.Clamp(50 + (20 * z), 0, 99)),
                    _ => Math.Floor(Math.Clamp(1 + z, 0, 2)),
                };
                if (random.NextDouble() < 0.01)
                {
                    values[i] = double.NaN;
                }
            }

            columns.Add(new NumericColumn($"n{j:D2}", j % 5 >= 3 ? ColumnType.Integer : ColumnType.Numeric, values));
        }

        int[] cardinalities = [2, 5, 12, 40, 200];
        for (var j = 0; j < cardinalities.Length; j++)
        {
            var names = Enumerable.Range(0, cardinalities[j]).Select(k => $"category-{k}").ToArray();
            var skew = shifted && j % 2 == 0 ? 1.6 : 1.0;
            var values = new string?[rows];
            for (var i = 0; i < rows; i++)
            {
                // Zipf-like: low indices are common; the current frame skews further towards them.
                var k = (int)(cardinalities[j] * Math.Pow(random.NextDouble(), 1.5 * skew));
                values[i] = random.NextDouble() < 0.01 ? null : new string(names[k]); // a fresh string per cell, as a parser makes
            }

            columns.Add(new StringColumn($"c{j}", ColumnType.Categorical, values));
        }

        return new Frame(columns);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void WriteMarkdown(string path, int rows, int runs, int columns, DriftReport report, List<(string Label, double[] Seconds, double[] CpuSeconds, long Allocated)> results, long peak, long afterData)
    {
        var md = new StringBuilder();
        md.AppendLine("# Drift analysis benchmark").AppendLine();
        md.AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- drift` · {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} logical cores · .NET {Environment.Version} · {System.Runtime.InteropServices.RuntimeInformation.OSDescription}")).AppendLine();
        md.AppendLine(Invariant($"Reference and current: {rows:N0} rows × {columns} features each (15 numeric, 5 categorical; 1% missing). Default tests (reference > 1,000 rows: normalised Wasserstein for numeric, Jensen–Shannon for categorical and ≤ 5-valued numeric) plus PSI for every column. {runs} timed runs after one warm-up; data generation not timed.")).AppendLine();
        md.AppendLine(Invariant($"Load average when the run ended (1, 5, 15 min): {LoadAverage()}.")).AppendLine();
        md.AppendLine("| Parallelism | Wall median (s) | Wall min (s) | Wall max (s) | CPU median (s) | CPU min (s) | Allocated per run (MiB) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, seconds, cpu, allocated) in results)
        {
            md.AppendLine(Invariant($"| {label} | {seconds[seconds.Length / 2]:F3} | {seconds[0]:F3} | {seconds[^1]:F3} | {cpu[cpu.Length / 2]:F3} | {cpu[0]:F3} | {allocated / 1048576.0:F0} |"));
        }

        md.AppendLine().AppendLine("The machine is shared (see the load average): wall time there mostly measures the neighbours. CPU time is the work done; on two otherwise idle cores the parallel wall time should approach half the CPU time, since the 20 columns split evenly across cores (an inference: no idle machine was available to measure it).");
        md.AppendLine().AppendLine(Invariant($"Peak working set of the process: {peak / 1048576.0:F0} MiB, of which the two input frames take about {afterData / 1048576.0:F0} MiB."));
        md.AppendLine().AppendLine(Invariant($"Verdict on the synthetic data: {report.DriftedFeatureCount} of {report.Features.Count} features drifted ({string.Join(", ", report.Features.Where(f => f.Drifted).Select(f => f.Column))})."));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, md.ToString());
        Console.WriteLine($"wrote {path}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
