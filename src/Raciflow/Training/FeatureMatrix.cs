namespace Raciflow.Training;

/// <summary>
/// Dense, row-major features after preprocessing. Every algorithm trains and predicts on this, so the fitted
/// preprocessing pipeline is the only place raw columns become numbers.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(double[] values, int rows, int columns, IReadOnlyList<string> featureNames)
    {
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"A {rows}×{columns} matrix needs {rows * columns} values, not {values.Length}.", nameof(values));
        }

        if (featureNames.Count != columns)
        {
            throw new ArgumentException($"{columns} columns need {columns} names, not {featureNames.Count}.", nameof(featureNames));
        }

        Values = values;
        Rows = rows;
        Columns = columns;
        FeatureNames = featureNames;
    }

    public double[] Values { get; }

    public int Rows { get; }

    public int Columns { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    public double this[int row, int column] => Values[(row * Columns) + column];

    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>A new matrix of the given rows, in the given order.</summary>
    public FeatureMatrix Take(IReadOnlyList<int> rows)
    {
        var values = new double[rows.Count * Columns];
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        }

        return new FeatureMatrix(values, rows.Count, Columns, FeatureNames);
    }
}
