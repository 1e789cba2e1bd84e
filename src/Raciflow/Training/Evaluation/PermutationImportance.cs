using Raciflow.Data;

namespace Raciflow.Training.Evaluation;

/// <summary>
/// Permutation feature importance over raw input columns: works for any model, because it only needs a way to
/// score a frame. Importance is the drop of the (oriented) metric when a column is shuffled.
/// </summary>
public static class PermutationImportance
{
    /// <param name="score">The metric of the model on a frame (e.g. a bundle's predictions scored against the target).</param>
    public static IReadOnlyList<FeatureImportance> Compute(Frame frame, IReadOnlyList<string> columns, Func<Frame, double> score, Metric metric, int repeats, int seed)
    {
        var baseline = metric.Oriented(score(frame));
        var random = new Random(seed);
        var results = new List<FeatureImportance>();
        foreach (var column in columns)
        {
            var drops = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                var order = Enumerable.Range(0, frame.RowCount).ToArray();
                random.Shuffle(order);
                var shuffled = new Frame(frame.Columns.Select(c => c.Name == column ? c.Take(order) : c).ToList());
                drops[r] = baseline - metric.Oriented(score(shuffled));
            }

            var mean = drops.Average();
            results.Add(new FeatureImportance(column, mean, Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / repeats)));
        }

        return results.OrderByDescending(r => r.Importance).ThenBy(r => r.Column, StringComparer.Ordinal).ToList();
    }
}
