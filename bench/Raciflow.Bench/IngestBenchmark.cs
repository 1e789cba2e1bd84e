using System.Diagnostics;
using Raciflow.Data;
using Raciflow.Workspaces;

namespace Raciflow.Bench;

/// <summary>
/// Adds a file to a fresh local workspace (SQLite + disk) and times it, then re-adds the unchanged file
/// (answered by the hash cache) and times that.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string file)
    {
        var folder = Path.Combine(Path.GetTempPath(), "raciflow-bench", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            using var workspace = await Workspace.OpenAsync(new WorkspaceOptions { Directory = folder, StoreUri = "sqlite:.raciflow/raciflow.db", ArtifactsUri = "file:.raciflow/artifacts" });
            var service = new DatasetService(workspace);
            var size = new FileInfo(file).Length;

            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var pausedBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            var added = await service.AddAsync(file, "bench");
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
            var v = added.Version;
            Console.WriteLine($"ingest {size / 1e6:F0} MB, {v.RowCount:N0} rows x {v.ColumnCount} columns in {watch.Elapsed.TotalSeconds:F2} s = {size / 1e6 / watch.Elapsed.TotalSeconds:F1} MB/s");
            Console.WriteLine($"schema {string.Join(", ", service.GetSchema(v).Columns.Select(c => $"{c.Name}:{c.Type}{(c.Nullable ? "?" : string.Empty)}"))}");
            Console.WriteLine($"allocated {allocated / 1e6:F0} MB during the ingest; collections gen0/gen1/gen2 {collections}; GC pauses {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F2} s");
            Console.WriteLine($"gc heap after ingest {GC.GetTotalMemory(false) / 1e6:F0} MB, peak working set {Environment.WorkingSet / 1e6:F0} MB (see /usr/bin/time for the true peak)");

            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                watch.Restart();
                var again = await service.AddAsync(file, "bench");
                watch.Stop();
                if (again.Created || again.Version.Id != v.Id)
                {
                    throw new InvalidOperationException("Re-adding the unchanged file made a new version.");
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"re-add unchanged: first {times[0]:F1} ms, median {times.Order().ElementAt(2):F1} ms");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
