using Raciflow.Projects;

namespace Raciflow.Data.Profiling;

/// <summary>Computes the numbers of an exploratory-analysis report from a frame; pure, no stores, no charts.</summary>
public static class DatasetProfiler
{
    public static ProfileReport Profile(string datasetLabel, Frame frame, DataConfig? data, DateTime generatedAt, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = new List<ColumnProfile>(frame.Columns.Count);
        foreach (var column in frame.Columns)
        {
            columns.Add(ColumnProfiler.Profile(column));
            progress?.Report(0.6 * columns.Count / Math.Max(frame.Columns.Count, 1));
        }

        var overview = new DatasetOverview(
            frame.RowCount,
            frame.Columns.Count,
            columns.Sum(c => (long)c.Missing),
            frame.RowCount - DistinctRows(frame),
            frame.Columns.Sum(MemoryBytes));
        var correlations = PairwiseMeasures.Correlations(frame);
        progress?.Report(0.8);
        var associations = PairwiseMeasures.Associations(frame);
        progress?.Report(1.0);
        return new ProfileReport(datasetLabel, generatedAt, overview, columns, correlations, associations, TargetColumn.Find(data, frame));
    }

    private static int DistinctRows(Frame frame)
    {
        var seen = new HashSet<int>(Enumerable.Range(0, frame.RowCount), new RowEqualityComparer(frame));
        return seen.Count;
    }

    /// <summary>Approximate managed size: 8 bytes per number, 16 per nullable date, reference plus UTF-16 text per string.</summary>
    private static long MemoryBytes(FrameColumn column) => column switch
    {
        NumericColumn n => 8L * n.Length,
        DateTimeColumn d => 16L * d.Length,
        StringColumn s => (8L * s.Length) + s.Values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Sum(v => 22L + (2L * v!.Length)),
        _ => 0,
    };
}
