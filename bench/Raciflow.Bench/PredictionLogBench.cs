using System.Diagnostics;
using System.Globalization;
using System.Text;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Training;
using Raciflow.Workspaces;

namespace Raciflow.Bench;

/// <summary>
/// The prediction logger's costs: <see cref="PredictionLogger.TryLog"/> per call (time and bytes allocated on the
/// calling thread) while the real writer drains the queue, the same when the queue is full (the drop path), and
/// the writer's records/s into a local workspace (Parquet files + SQLite index).
/// Usage: predlog [--calls N] [--records N] [--out bench/results/predlog.md].
/// </summary>
internal static class PredictionLogBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = int.Parse(Option(args, "--calls") ?? "2000000", CultureInfo.InvariantCulture);
        var records = int.Parse(Option(args, "--records") ?? "200000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "predlog.md");
        var directory = Directory.CreateTempSubdirectory("raciflow-predlog-bench-");
        try
        {
            var samples = Samples(1_000);
            using var workspace = await Workspace.OpenAsync(new WorkspaceOptions { Directory = directory.FullName, StoreUri = "sqlite:.raciflow/raciflow.db", ArtifactsUri = "file:.raciflow/artifacts" });

            await TimeTryLogAsync(workspace, samples, calls / 10, queue: calls, threads: 1); // JIT and tiering, not reported
            var accepted = await TimeTryLogAsync(workspace, samples, calls, queue: calls, threads: 1);
            var acceptedTwo = await TimeTryLogAsync(workspace, samples, calls, queue: calls, threads: 2);
            var dropped = await TimeTryLogAsync(workspace, samples, calls, queue: 1_000, threads: 1);
            var writer = await TimeWriterAsync(workspace, samples, records);
            var encoding = TimeEncoding(Samples(10_000));

            var md = Report(calls, records, accepted, acceptedTwo, dropped, writer, encoding);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllText(output, md);
            Console.WriteLine(md);
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record TryLogFigures(double NsPerCall, double BytesPerCall, long Enqueued, long Dropped);

    private sealed record WriterFigures(double Seconds, double CpuSeconds, long Written, int Files, long Bytes);

    private static async Task<TryLogFigures> TimeTryLogAsync(Workspace workspace, PredictionRecord[] samples, int calls, int queue, int threads)
    {
        // One batch as large as the run, so the writer only moves records off the queue while the callers are timed
        // (written on dispose): the figures are the enqueue path, not Parquet encoding competing for the cores.
        var options = new PredictionLogOptions { QueueCapacity = queue, BatchSize = calls, FlushInterval = TimeSpan.FromMinutes(10), OverloadHighWater = 1 };
        var logger = new PredictionLogger(workspace, options);
        var perThread = calls / threads;
        var allocated = new long[threads];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < perThread; i++)
                {
                    logger.TryLog(samples[i % samples.Length]);
                }

                allocated[t] = GC.GetAllocatedBytesForCurrentThread() - before;
            },
            TaskCreationOptions.LongRunning)));
        clock.Stop();
        var counters = logger.Counters;
        await logger.DisposeAsync();
        var total = perThread * threads;
        return new TryLogFigures(clock.Elapsed.TotalNanoseconds / total, allocated.Sum() / (double)total, counters.Enqueued, counters.Dropped);
    }

    private static async Task<WriterFigures> TimeWriterAsync(Workspace workspace, PredictionRecord[] samples, int records)
    {
        var options = new PredictionLogOptions { QueueCapacity = records, BatchSize = 10_000, FlushInterval = TimeSpan.FromMinutes(10), OverloadHighWater = 1 };
        var model = "writer-bench";
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await using var logger = new PredictionLogger(workspace, options);
        for (var i = 0; i < records; i++)
        {
            logger.TryLog(samples[i % samples.Length] with { Model = model, RequestId = "w" + i.ToString(CultureInfo.InvariantCulture) });
        }

        var counters = await logger.FlushAsync();
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var files = Directory.GetFiles(Path.Combine(workspace.Directory, ".raciflow", "artifacts", "predictions", model), "*.parquet", SearchOption.AllDirectories);
        return new WriterFigures(clock.Elapsed.TotalSeconds, cpuSeconds, counters.Written, files.Length, files.Sum(f => new FileInfo(f).Length));
    }

    /// <summary>
    /// CPU milliseconds to lay 10,000 records out as columns and encode them as one Parquet file (the writer's CPU
    /// part, on its own thread), the median of 30 rounds after 10 of warm-up, and the file's size.
    /// </summary>
    private static (double Milliseconds, long Bytes) TimeEncoding(PredictionRecord[] samples)
    {
        var cpus = new List<double>();
        long bytes = 0;
        using var encoded = new MemoryStream();
        for (var round = 0; round < 40; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var rows = new PredictionColumns("bench", 1, new DateOnly(2026, 3, 1));
            foreach (var sample in samples)
            {
                rows.Add(sample);
            }

            PredictionLogParquet.Encode(rows, encoded);
            bytes = encoded.Length;
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        }

        cpus = [.. cpus.Skip(10).Order()];
        return (cpus[cpus.Count / 2], bytes);
    }

    /// <summary>Served predictions of a regression model with 8 numeric and 2 categorical inputs.</summary>
    private static PredictionRecord[] Samples(int count)
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var inputs = new Dictionary<string, object?>(10);
            for (var f = 0; f < 8; f++)
            {
                inputs["n" + f.ToString(CultureInfo.InvariantCulture)] = Math.Round(random.NextDouble() * 100, 3);
            }

            inputs["city"] = random.Next(3) switch { 0 => "oslo", 1 => "bergen", _ => "tromso" };
            inputs["kind"] = random.Next(2) == 0 ? "flat" : "house";
            return new PredictionRecord
            {
                RequestId = "r" + i.ToString(CultureInfo.InvariantCulture),
                Model = "bench",
                Version = 1,
                Time = start.AddMilliseconds(i),
                LatencyMs = random.NextDouble(),
                Inputs = inputs,
                Output = new ModelPrediction(random.NextDouble() * 1000, null, null),
            };
        })];
    }

    private static string Report(int calls, int records, TryLogFigures accepted, TryLogFigures acceptedTwo, TryLogFigures dropped, WriterFigures writer, (double Milliseconds, long Bytes) encoding)
    {
        var md = new StringBuilder();
        md.AppendLine("# Prediction log benchmark").AppendLine();
        md.AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- predlog` · {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} logical cores · .NET {Environment.Version} · {System.Runtime.InteropServices.RuntimeInformation.OSDescription}")).AppendLine();
        md.AppendLine(Invariant($"Load average when the run ended (1, 5, 15 min): {LoadAverage()}.")).AppendLine();
        md.AppendLine("## TryLog per call").AppendLine();
        md.AppendLine(Invariant($"{calls:N0} calls with prebuilt records (10 inputs each; building the record is the server's cost, not counted), while the real writer takes them off the queue (its one batch is written after the timing). Allocation is what the calling threads allocated, divided by the calls."));
        md.AppendLine();
        md.AppendLine("| Case | ns per call | bytes allocated per call | enqueued | dropped |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        md.AppendLine(Invariant($"| queue large enough, 1 thread | {accepted.NsPerCall:F0} | {accepted.BytesPerCall:F2} | {accepted.Enqueued:N0} | {accepted.Dropped:N0} |"));
        md.AppendLine(Invariant($"| queue large enough, 2 threads | {acceptedTwo.NsPerCall:F0} | {acceptedTwo.BytesPerCall:F2} | {acceptedTwo.Enqueued:N0} | {acceptedTwo.Dropped:N0} |"));
        md.AppendLine(Invariant($"| queue of 1,000 (overload: drop path), 1 thread | {dropped.NsPerCall:F0} | {dropped.BytesPerCall:F2} | {dropped.Enqueued:N0} | {dropped.Dropped:N0} |"));
        md.AppendLine();
        md.AppendLine("The accepted path allocates nothing per record of its own: the bytes are the channel's internal ring buffer doubling while the backlog grows towards its peak (here up to millions of records, since the callers outrun the writer); it never shrinks, so a server whose backlog stays under its previous peak allocates nothing. The drop path takes the channel's lock and returns. Wall time per call on this shared, loaded machine includes waiting for the core and for the lock the writer takes when it reads.");
        md.AppendLine();
        md.AppendLine("## Writer throughput").AppendLine();
        md.AppendLine(Invariant($"{records:N0} records enqueued at once, batches of 10,000, until FlushAsync returns (every record written as Parquet and indexed in SQLite on local disk)."));
        md.AppendLine();
        md.AppendLine("| Records written | Files | Bytes on disk | Wall (s) | CPU (s, whole process) | Records/s (wall) | Records per CPU-second |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Invariant($"| {writer.Written:N0} | {writer.Files} | {writer.Bytes:N0} | {writer.Seconds:F2} | {writer.CpuSeconds:F2} | {writer.Written / writer.Seconds:N0} | {writer.Written / writer.CpuSeconds:N0} |"));
        md.AppendLine();
        md.AppendLine(Invariant($"Of that, the CPU part alone (10,000 records laid out as columns and encoded as one {encoding.Bytes:N0}-byte Parquet file, median of 30 rounds): {encoding.Milliseconds:F1} ms, {encoding.Milliseconds * 1000 / 10_000:F2} µs per record. It runs on the logger's own thread, so the OS time-slices it against request threads instead of it holding a thread-pool worker."));
        return md.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
