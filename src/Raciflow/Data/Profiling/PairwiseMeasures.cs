using MathNet.Numerics.Statistics;

namespace Raciflow.Data.Profiling;

/// <summary>Pearson correlations between numeric columns and Cramér's V between categorical ones.</summary>
public static class PairwiseMeasures
{
    /// <summary>Categoricals with more categories than this are left out of the association matrix: V means little there.</summary>
    public const int MaxCategories = 50;

    /// <summary>Pearson's r over the rows where both columns have a value; NaN when undefined (constant or &lt; 2 pairs).</summary>
    public static LabelledMatrix Correlations(Frame frame)
    {
        var columns = frame.Columns.Where(ColumnValues.IsQuantity).Cast<NumericColumn>().ToList();
        return Matrix(columns, (a, b) =>
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var row = 0; row < a.Length; row++)
            {
                if (!double.IsNaN(a.Values[row]) && !double.IsNaN(b.Values[row]))
                {
                    xs.Add(a.Values[row]);
                    ys.Add(b.Values[row]);
                }
            }

            return xs.Count < 2 ? double.NaN : Correlation.Pearson(xs, ys);
        });
    }

    public static LabelledMatrix Associations(Frame frame)
    {
        var columns = frame.Columns
            .Where(c => ColumnValues.IsCategory(c) && ColumnValues.Counts(c).Count is > 1 and <= MaxCategories)
            .ToList();
        return Matrix(columns, CramersV.Of);
    }

    private static LabelledMatrix Matrix<T>(IReadOnlyList<T> columns, Func<T, T, double> measure)
        where T : FrameColumn
    {
        var values = new double[columns.Count, columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            for (var j = i; j < columns.Count; j++)
            {
                var v = measure(columns[i], columns[j]);
                values[i, j] = v;
                values[j, i] = v;
            }
        }

        return new LabelledMatrix(columns.Select(c => c.Name).ToList(), values);
    }
}
