using System.Diagnostics;
using Raciflow.Data.Ingestion;

namespace Raciflow.Bench;

/// <summary>Times the two ingest passes apart (wall and CPU), to see where an ingest spends its time.</summary>
internal static class PassesBenchmark
{
    public static async Task<int> RunAsync(string file)
    {
        var staging = Path.Combine(Path.GetTempPath(), "raciflow-bench-passes");
        Directory.CreateDirectory(staging);
        var ingestor = new TableIngestor(staging);
        var size = new FileInfo(file).Length / 1e6;
        var process = Process.GetCurrentProcess();

        var (cpu, watch) = (process.TotalProcessorTime, Stopwatch.StartNew());
        var staged = await ingestor.StageAsync(file, TableIngestor.FormatOf(file), _ => { }, CancellationToken.None);
        Report(staged.ParquetPath is null ? "pass 1 (copy, hash, infer)" : "pass 1 (copy, hash, infer, convert, statistics, Parquet)", size, watch, cpu);

        var parquet = staged.ParquetPath;
        if (parquet is null)
        {
            (cpu, watch) = (Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.StartNew());
            (parquet, _) = await ingestor.WriteParquetAsync(staged, _ => { }, CancellationToken.None);
            Report("pass 2 (convert, statistics, Parquet)", size, watch, cpu);
        }

        Console.WriteLine($"parquet copy {new FileInfo(parquet).Length / 1e6:F0} MB");
        File.Delete(parquet);
        File.Delete(staged.CopyPath);
        return 0;
    }

    private static void Report(string what, double megabytes, Stopwatch watch, TimeSpan cpuBefore)
    {
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"{what}: wall {watch.Elapsed.TotalSeconds:F2} s ({megabytes / watch.Elapsed.TotalSeconds:F1} MB/s), cpu {cpu:F2} s ({megabytes / cpu:F1} MB/cpu-s), gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2 so far), allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB so far");
    }
}
