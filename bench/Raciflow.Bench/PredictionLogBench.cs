using System.Diagnostics;
using System.Globalization;
using System.Text;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Training;
using Raciflow.Workspaces;

namespace Raciflow.Bench;

/// <summary>
/// The prediction logger's costs: <see cref="PredictionLogger.TryLog"/> per call (time and bytes allocated on the
/// calling thread) while the real writer writes full batches, the same when the queue is full (the drop path),
/// the writer's records/s into a local workspace (Parquet files + SQLite index), and the CPU of laying a record
/// out as columns and of encoding them.
/// Usage: predlog [--calls N] [--records N] [--out bench/results/predlog.md].
/// </summary>
internal static class PredictionLogBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = int.Parse(Option(args, "--calls") ?? "500000", CultureInfo.InvariantCulture);
        var records = int.Parse(Option(args, "--records") ?? "200000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "predlog.md");
        var directory = Directory.CreateTempSubdirectory("raciflow-predlog-bench-");
        try
        {
            var samples = Samples(1_000);
            using var workspace = await Workspace.OpenAsync(new WorkspaceOptions { Directory = directory.FullName, StoreUri = "sqlite:.raciflow/raciflow.db", ArtifactsUri = "file:.raciflow/artifacts" });

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
        // Batches of 10,000 as the server uses: the calls lay records out in the batch being filled while the writer
        // encodes and writes full ones on its own thread (on the other core of a 2-core machine).
        var options = new PredictionLogOptions { QueueCapacity = queue, BatchSize = 10_000, FlushInterval = TimeSpan.FromMinutes(10), OverloadHighWater = 1 };
        await using var logger = new PredictionLogger(workspace, options);
        var perThread = calls / threads;

        // The first pass, not reported, warms the JIT and leaves the logger with as many batches as its backlog
        // needed, as a server has after its first seconds; the second is timed.
        await CallAsync(logger, samples, perThread, threads);
        var before = await logger.FlushAsync();
        var clock = Stopwatch.StartNew();
        var allocated = await CallAsync(logger, samples, perThread, threads);
        clock.Stop();
        var counters = logger.Counters;
        var total = perThread * threads;
        return new TryLogFigures(clock.Elapsed.TotalNanoseconds / total, allocated / (double)total, counters.Enqueued - before.Enqueued, counters.Dropped - before.Dropped);
    }

    /// <summary>Calls TryLog from each thread; returns the bytes the calling threads allocated.</summary>
    private static async Task<long> CallAsync(PredictionLogger logger, PredictionRecord[] samples, int perThread, int threads)
    {
        var allocated = new long[threads];
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
        return allocated.Sum();
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

    private sealed record EncodingFigures(double LayoutMilliseconds, double Milliseconds, long Bytes, long Allocated);

    /// <summary>
    /// The writer's CPU part: milliseconds to encode 10,000 records, already laid out as columns (which
    /// <see cref="PredictionLogger.TryLog"/> does on the request thread), as one Parquet file; the median of 30
    /// rounds after 10 of warm-up, the file's size and what the encoding allocated.
    /// </summary>
    private static EncodingFigures TimeEncoding(PredictionRecord[] samples)
    {
        var cpus = new List<double>();
        var layouts = new List<double>();
        long bytes = 0, allocated = 0;
        using var encoded = new MemoryStream();
        using var rows = new PredictionColumns("bench", 1, new DateOnly(2026, 3, 1));
        for (var round = 0; round < 40; round++)
        {
            rows.Reset();
            var layout = Stopwatch.StartNew();
            foreach (var sample in samples)
            {
                rows.Add(sample);
            }

            layouts.Add(layout.Elapsed.TotalMilliseconds);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            PredictionLogParquet.Encode(rows, encoded);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            bytes = encoded.Length;
        }

        cpus = [.. cpus.Skip(10).Order()];
        layouts = [.. layouts.Skip(10).Order()];
        return new EncodingFigures(layouts[layouts.Count / 2], cpus[cpus.Count / 2], bytes, allocated);
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

    private static string Report(int calls, int records, TryLogFigures accepted, TryLogFigures acceptedTwo, TryLogFigures dropped, WriterFigures writer, EncodingFigures encoding)
    {
        var md = new StringBuilder();
        md.AppendLine("# Prediction log benchmark").AppendLine();
        md.AppendLine(Invariant($"`dotnet run -c Release --project bench/Raciflow.Bench -- predlog` · {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} logical cores · .NET {Environment.Version} · {System.Runtime.InteropServices.RuntimeInformation.OSDescription}")).AppendLine();
        md.AppendLine(Invariant($"Load average when the run ended (1, 5, 15 min): {LoadAverage()}.")).AppendLine();
        md.AppendLine("## TryLog per call").AppendLine();
        md.AppendLine(Invariant($"{calls:N0} calls with prebuilt records (10 inputs each; building the record is the server's cost, not counted), in batches of 10,000 as the server uses, while the real writer encodes and writes full batches on its own thread. Each case runs twice on one logger and the second pass is reported, as a server runs after its first seconds. Allocation is what the calling threads allocated, divided by the calls."));
        md.AppendLine();
        md.AppendLine("| Case | ns per call | bytes allocated per call | enqueued | dropped |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        md.AppendLine(Invariant($"| queue large enough, 1 thread | {accepted.NsPerCall:F0} | {accepted.BytesPerCall:F2} | {accepted.Enqueued:N0} | {accepted.Dropped:N0} |"));
        md.AppendLine(Invariant($"| queue large enough, 2 threads | {acceptedTwo.NsPerCall:F0} | {acceptedTwo.BytesPerCall:F2} | {acceptedTwo.Enqueued:N0} | {acceptedTwo.Dropped:N0} |"));
        md.AppendLine(Invariant($"| queue of 1,000 (overload: drop path), 1 thread | {dropped.NsPerCall:F0} | {dropped.BytesPerCall:F2} | {dropped.Enqueued:N0} | {dropped.Dropped:N0} |"));
        md.AppendLine();
        md.AppendLine("The accepted path lays the record out in the columns of the batch being filled (numbers, and text as characters in one buffer) under a short lock, so nothing of the request outlives it. It allocates nothing once the logger's batches have their buffers; what is left per call is a new batch now and then when the callers outrun the writer, as they do here. The drop path reads the queue's size and returns. Wall time per call on this shared machine includes waiting for the core the writer is using and for the lock.");
        md.AppendLine();
        md.AppendLine("## Writer throughput").AppendLine();
        md.AppendLine(Invariant($"{records:N0} records enqueued at once, batches of 10,000, until FlushAsync returns (every record written as Parquet and indexed in SQLite on local disk)."));
        md.AppendLine();
        md.AppendLine("| Records written | Files | Bytes on disk | Wall (s) | CPU (s, whole process) | Records/s (wall) | Records per CPU-second |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Invariant($"| {writer.Written:N0} | {writer.Files} | {writer.Bytes:N0} | {writer.Seconds:F2} | {writer.CpuSeconds:F2} | {writer.Written / writer.Seconds:N0} | {writer.Written / writer.CpuSeconds:N0} |"));
        md.AppendLine();
        md.AppendLine(Invariant($"The CPU parts, medians of 30 rounds of 10,000 records: laying them out as columns (on the request threads, inside TryLog; wall time of one thread) {encoding.LayoutMilliseconds:F1} ms, {encoding.LayoutMilliseconds * 1000 / 10_000:F2} µs per record; encoding them as one {encoding.Bytes:N0}-byte Parquet file (on the logger's own thread) {encoding.Milliseconds:F1} ms, {encoding.Milliseconds * 1000 / 10_000:F2} µs per record, allocating {encoding.Allocated:N0} bytes."));
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
