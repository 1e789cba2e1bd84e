namespace Raciflow.Training.Algorithms;

/// <summary>
/// Brute-force k-nearest search over stored rows: SIMD distances to every row, then the k smallest kept in a small
/// sorted buffer. Ties in distance go to the earlier training row, so results never depend on thread scheduling.
/// </summary>
internal sealed class NearestNeighborSearch(double[] rows, int count, int columns, DistanceMetric metric)
{
    /// <summary>
    /// Fills <paramref name="indices"/> and <paramref name="distances"/> (length k ≤ count) with the nearest rows in
    /// increasing (distance, row) order.
    /// </summary>
    public void Find(ReadOnlySpan<double> query, Span<int> indices, Span<double> distances)
    {
        var k = indices.Length;
        var filled = 0;
        for (var i = 0; i < count; i++)
        {
            var d = Distance(query, rows.AsSpan(i * columns, columns));

            // Rows arrive in increasing index, so an equal distance never displaces an earlier row.
            if (filled == k && d >= distances[k - 1])
            {
                continue;
            }

            var at = filled == k ? k - 1 : filled++;
            while (at > 0 && distances[at - 1] > d)
            {
                distances[at] = distances[at - 1];
                indices[at] = indices[at - 1];
                at--;
            }

            distances[at] = d;
            indices[at] = i;
        }

        if (metric == DistanceMetric.Euclidean)
        {
            // Squared distances order the same as distances; the root is taken only for the k kept.
            for (var j = 0; j < k; j++)
            {
                distances[j] = Math.Sqrt(distances[j]);
            }
        }
    }

    private double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        metric == DistanceMetric.Euclidean ? VectorMath.SquaredEuclidean(a, b) : VectorMath.Manhattan(a, b);
}
