using System.Globalization;
using Raciflow.Data.Ingestion;

namespace Raciflow.Serving.Batch;

/// <summary>Cell parsing for batch input: the same missing-value tokens as dataset ingestion, and errors naming file, row and column.</summary>
internal static class BatchValues
{
    public static double ParseNumber(ReadOnlySpan<char> cell, string path, long row, string column)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var trimmed = cell.Trim();
        if (MissingValues.IsMissing(trimmed))
        {
            return double.NaN;
        }

        if (bool.TryParse(trimmed, out var flag))
        {
            return flag ? 1 : 0;
        }

        throw RaciflowException.Invalid($"File '{path}' row {row}, column '{column}': '{trimmed.ToString()}' is not a number.", $"{path}:{row}:{column}");
    }

    /// <summary>A text cell; missing-value tokens become null, as in a dataset.</summary>
    public static string? Text(ReadOnlySpan<char> cell) => MissingValues.IsMissing(cell) ? null : cell.ToString();
}
