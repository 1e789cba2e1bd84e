namespace Raciflow.Data.Validation;

/// <summary>
/// Counts values outside Tukey's fences, [Q1 − k·IQR, Q3 + k·IQR] with k = 1.5 by default, in every numeric
/// column; quartiles as in <see cref="Quartiles"/>.
/// </summary>
public sealed class OutlierCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        foreach (var column in context.Frame.Columns)
        {
            if (!ColumnValues.IsQuantity(column))
            {
                continue;
            }

            var numbers = (NumericColumn)column;
            var quartiles = Quartiles.Of(ColumnValues.Present(numbers));
            if (quartiles is null)
            {
                continue;
            }

            var k = context.Options.OutlierIqrFactor;
            var low = quartiles.Q1 - (k * quartiles.Iqr);
            var high = quartiles.Q3 + (k * quartiles.Iqr);
            var outlierRows = Enumerable.Range(0, numbers.Length)
                .Where(row => !double.IsNaN(numbers.Values[row]) && (numbers.Values[row] < low || numbers.Values[row] > high))
                .ToList();
            var present = numbers.Length - numbers.MissingCount;
            var fences = $"[{Share.Number(low)}, {Share.Number(high)}]";
            yield return new ValidationCheck(
                "outliers",
                column.Name,
                ValidationSeverity.Warning,
                outlierRows.Count == 0,
                Share.Of(outlierRows.Count, present),
                outlierRows.Count == 0
                    ? $"Every value lies within {fences} (Q1 − {Share.Number(k)}·IQR, Q3 + {Share.Number(k)}·IQR)."
                    : $"{outlierRows.Count} values lie outside {fences} (Q1 − {Share.Number(k)}·IQR, Q3 + {Share.Number(k)}·IQR).")
            {
                Examples = outlierRows.Take(context.Options.MaxExamples).Select(r => $"{ColumnValues.RowLabel(r)}: {numbers.Format(r)}").ToList(),
            };
        }
    }
}
