using System.Diagnostics;
using Raciflow.Data.Ingestion;

namespace Raciflow.Bench;

/// <summary>Times <see cref="FileHasher"/> over a file (run it after a warm read, as sha256sum is measured).</summary>
internal static class HashBenchmark
{
    public static async Task<int> RunAsync(string file)
    {
        var size = new FileInfo(file).Length;
        var watch = Stopwatch.StartNew();
        var hash = await FileHasher.HashAsync(file);
        watch.Stop();
        Console.WriteLine($"hash {hash} {size / 1e6:F0} MB in {watch.Elapsed.TotalSeconds:F2} s = {size / 1e6 / watch.Elapsed.TotalSeconds:F0} MB/s");
        return 0;
    }
}
