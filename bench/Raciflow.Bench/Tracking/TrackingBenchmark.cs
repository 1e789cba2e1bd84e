using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Raciflow.Server.Hosting;
using Raciflow.Tracking;
using Raciflow.Workspaces;

namespace Raciflow.Bench.Tracking;

/// <summary>
/// Tracking speed on the embedded store (SQLite + disk): a 1,000-point log batch (target &lt; 50 ms), sustained
/// metric points per second through the library API (target 100,000/s) and one log-metric over HTTP on loopback
/// (target p50 &lt; 2 ms). Writes bench/results/tracking.md.
/// Options: --quick (fewer iterations), --out FILE.
/// </summary>
internal static class TrackingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(FindRepositoryRoot(), "bench", "results", "tracking.md");
        var folder = Path.Combine(Path.GetTempPath(), "raciflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            using var workspace = await Workspace.OpenAsync(new WorkspaceOptions { Directory = folder, StoreUri = "sqlite:.raciflow/raciflow.db", ArtifactsUri = "file:.raciflow/artifacts", Actor = "bench" });
            var tracking = new TrackingService(workspace);
            var report = new StringBuilder();
            Header(report, quick);

            var batch = await BatchLatencyAsync(tracking, iterations: quick ? 50 : 300);
            report.AppendLine("## Log batch of 1,000 metric points (library API, SQLite)").AppendLine();
            report.AppendLine("Target: < 50 ms. One `LogBatchAsync` call = one transaction (run check, prepared 100-row INSERTs, latest-value upsert per key, commit).").AppendLine();
            Table(report, batch.Stats.Row("1,000 points / batch"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"CPU time of this process per batch: {batch.CpuMsPerCall:0.00} ms (wall time above includes waiting for a CPU on the shared machine, and WAL fsyncs).")).AppendLine();

            report.AppendLine("## Sustained metric points per second (library API, SQLite)").AppendLine();
            report.AppendLine("Target: 100,000 points/s. Batches logged back to back into one run.").AppendLine();
            report.AppendLine("CPU seconds are this process's own (user + system): on a shared machine, points per CPU-second shows what one free core would sustain.").AppendLine();
            report.AppendLine("| Batch size | Points | Wall seconds | Points/s | CPU seconds | Points per CPU-second |").AppendLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var size in new[] { 1_000, 10_000 })
            {
                var (points, seconds, cpu) = await SustainedAsync(tracking, size, totalPoints: quick ? 200_000 : 1_000_000);
                report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {points:N0} | {seconds:0.00} | {points / seconds:N0} | {cpu:0.00} | {points / cpu:N0} |"));
            }

            report.AppendLine();
            var http = await HttpLatencyAsync(workspace, requests: quick ? 1_000 : 5_000);
            report.AppendLine("## One log-metric over HTTP on loopback (HttpClient, sequential)").AppendLine();
            report.AppendLine("Target: p50 < 2 ms. `POST /api/v1/runs/{id}/metrics` on Kestrel at 127.0.0.1, one request at a time, keep-alive, after 200 warm-up requests.").AppendLine();
            Table(report, http.Stats.Row("POST metric"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"CPU time per request, client and server together (one process): {http.CpuMsPerCall:0.000} ms.")).AppendLine();

            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, report.ToString());
            Console.WriteLine(report);
            Console.WriteLine($"written to {output}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(LatencyStats Stats, double CpuMsPerCall)> BatchLatencyAsync(TrackingService tracking, int iterations)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = TimeSpan.Zero;
        var run = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "bench", Name = "batch-latency", CaptureEnvironment = false })).Run;
        var timings = new List<double>();
        for (var i = -20; i < iterations; i++)
        {
            if (i == 0)
            {
                process.Refresh();
                cpuBefore = process.TotalProcessorTime;
            }

            var batch = new RunBatch { Metrics = Points(10, 100, (i + 20) * 100) };
            var watch = Stopwatch.StartNew();
            await tracking.LogBatchAsync(run.Id, batch);
            if (i >= 0)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        process.Refresh();
        return (LatencyStats.Of(timings), (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations);
    }

    private static async Task<(long Points, double Seconds, double CpuSeconds)> SustainedAsync(TrackingService tracking, int batchSize, int totalPoints)
    {
        var run = (await tracking.CreateRunAsync(new StartRunOptions { Experiment = "bench", Name = $"sustained-{batchSize}", CaptureEnvironment = false })).Run;
        var batches = totalPoints / batchSize;
        var prepared = Enumerable.Range(0, batches).Select(b => new RunBatch { Metrics = Points(10, batchSize / 10, b * (batchSize / 10)) }).ToList();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var batch in prepared)
        {
            await tracking.LogBatchAsync(run.Id, batch);
        }

        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return ((long)batches * batchSize, wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static async Task<(LatencyStats Stats, double CpuMsPerCall)> HttpLatencyAsync(Workspace workspace, int requests)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = TimeSpan.Zero;
        var app = ServerHost.Build(workspace, new ServerOptions { Port = 0 });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = ServerHost.Urls(app)[0] };
            var created = await client.PostAsJsonAsync("/api/v1/runs", new { experiment = "bench", name = "http" });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("run").GetProperty("id").GetString();
            var timings = new List<double>();
            for (var i = -200; i < requests; i++)
            {
                if (i == 0)
                {
                    process.Refresh();
                    cpuBefore = process.TotalProcessorTime;
                }

                var watch = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync($"/api/v1/runs/{id}/metrics", new { key = "loss", value = 1.0 / (i + 201), step = i + 200 });
                response.EnsureSuccessStatusCode();
                if (i >= 0)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            process.Refresh();
            return (LatencyStats.Of(timings), (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / requests);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    // Ten metric keys, each with `steps` consecutive steps starting at `firstStep`, like an epoch loop.
    private static List<MetricPoint> Points(int keys, int steps, int firstStep)
    {
        var points = new List<MetricPoint>(keys * steps);
        for (var s = 0; s < steps; s++)
        {
            for (var k = 0; k < keys; k++)
            {
                points.Add(new MetricPoint("metric_" + k.ToString(CultureInfo.InvariantCulture), Math.Sin(s + k), firstStep + s));
            }
        }

        return points;
    }

    private static void Header(StringBuilder report, bool quick)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        report.AppendLine("# Tracking benchmarks").AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC with `dotnet run -c Release --project bench/Raciflow.Bench -- tracking{(quick ? " --quick" : "")}`."));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average at start: {load}."));
        report.AppendLine("The build machine is shared with other engineers' builds, so figures are pessimistic; SQLite in WAL mode on local disk.").AppendLine();
    }

    private static void Table(StringBuilder report, string row) =>
        report.AppendLine("| Operation | N | p50 ms | p90 ms | p99 ms | mean ms | max ms |").AppendLine("|---|---:|---:|---:|---:|---:|---:|").AppendLine(row).AppendLine();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Raciflow.slnx")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
