using MathNet.Numerics.Statistics;

namespace Raciflow.Data;

/// <summary>
/// First quartile, median and third quartile by linear interpolation between order statistics (Hyndman–Fan R-7,
/// the default of numpy, pandas and Excel's QUARTILE.INC), so our numbers match the tools people check them with.
/// </summary>
public sealed record Quartiles(double Q1, double Median, double Q3)
{
    public double Iqr => Q3 - Q1;

    /// <summary>Quartiles of <paramref name="values"/>, or null when there are none.</summary>
    public static Quartiles? Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new Quartiles(
            SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7));
    }
}
