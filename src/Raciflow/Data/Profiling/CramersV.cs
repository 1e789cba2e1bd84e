namespace Raciflow.Data.Profiling;

/// <summary>
/// Cramér's V between two categorical columns: √(χ² / (n · (min(r, c) − 1))) over the rows where both have a
/// value, 0 for independence and 1 for a perfect association. No library computes it from raw columns, so it is
/// written out here and tested against hand-computed tables.
/// </summary>
public static class CramersV
{
    /// <summary>V, or NaN when fewer than two categories of either column are observed together.</summary>
    public static double Of(FrameColumn a, FrameColumn b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var table = new Dictionary<(string, string), int>();
        var rowTotals = new Dictionary<string, int>(StringComparer.Ordinal);
        var columnTotals = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        for (var row = 0; row < a.Length; row++)
        {
            if (a.Format(row) is not { } x || b.Format(row) is not { } y)
            {
                continue;
            }

            table[(x, y)] = table.GetValueOrDefault((x, y)) + 1;
            rowTotals[x] = rowTotals.GetValueOrDefault(x) + 1;
            columnTotals[y] = columnTotals.GetValueOrDefault(y) + 1;
            n++;
        }

        var k = Math.Min(rowTotals.Count, columnTotals.Count);
        if (k < 2)
        {
            return double.NaN;
        }

        var chiSquare = 0.0;
        foreach (var (x, rowTotal) in rowTotals)
        {
            foreach (var (y, columnTotal) in columnTotals)
            {
                var expected = (double)rowTotal * columnTotal / n;
                var observed = table.GetValueOrDefault((x, y));
                chiSquare += (observed - expected) * (observed - expected) / expected;
            }
        }

        return Math.Sqrt(chiSquare / (n * (k - 1)));
    }
}
