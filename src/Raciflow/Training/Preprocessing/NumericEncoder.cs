using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// A number, imputed with the training median when missing and standardised with the training mean and standard
/// deviation; adds a 0/1 missing indicator when the training rows had missing values.
/// </summary>
public sealed class NumericEncoder : ColumnEncoder
{
    public required double Median { get; init; }

    public required double Mean { get; init; }

    /// <summary>Training standard deviation; 1 for a constant column so it encodes as 0 rather than NaN.</summary>
    public required double Scale { get; init; }

    public required bool MissingIndicator { get; init; }

    public static NumericEncoder Fit(NumericColumn column)
    {
        var present = column.Values.Where(v => !double.IsNaN(v)).ToArray();
        if (present.Length == 0)
        {
            // An all-missing feature carries no signal; it still encodes (as 0) so serving accepts the column.
            return new NumericEncoder { Column = column.Name, Median = 0, Mean = 0, Scale = 1, MissingIndicator = false };
        }

        var median = MedianOf(present);
        var imputed = column.Values.Select(v => double.IsNaN(v) ? median : v).ToArray();
        var mean = imputed.Average();
        var sd = Math.Sqrt(imputed.Sum(v => (v - mean) * (v - mean)) / imputed.Length);
        return new NumericEncoder
        {
            Column = column.Name,
            Median = median,
            Mean = mean,
            Scale = sd > 1e-12 ? sd : 1,
            MissingIndicator = present.Length < column.Length,
        };
    }

    public override IReadOnlyList<string> FeatureNames() => MissingIndicator ? [Column, Column + "__missing"] : [Column];

    public override void EncodeRows(FrameColumn column, int start, int count, Span<double> destination, int stride, int offset)
    {
        if (column is not NumericColumn numbers)
        {
            throw WrongColumnType(column, "numeric");
        }

        // The same arithmetic as Encode, unrolled over the rows: this loop runs for every cell of a batch.
        var values = numbers.Values.AsSpan(start, count);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var missing = double.IsNaN(value) || double.IsInfinity(value);
            var at = (i * stride) + offset;
            destination[at] = ((missing ? Median : value) - Mean) / Scale;
            if (MissingIndicator)
            {
                destination[at + 1] = missing ? 1 : 0;
            }
        }
    }

    public override void EncodeValue(object? value, Span<double> destination) => Encode(RawValues.ToDouble(value, Column), destination);

    internal static double MedianOf(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private void Encode(double value, Span<double> destination)
    {
        var missing = double.IsNaN(value) || double.IsInfinity(value);
        destination[0] = ((missing ? Median : value) - Mean) / Scale;
        if (MissingIndicator)
        {
            destination[1] = missing ? 1 : 0;
        }
    }
}
