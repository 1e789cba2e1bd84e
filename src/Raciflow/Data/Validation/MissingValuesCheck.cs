namespace Raciflow.Data.Validation;

/// <summary>Warns about every column with missing values, with the first rows that miss one.</summary>
public sealed class MissingValuesCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        var rows = context.Frame.RowCount;
        foreach (var column in context.Frame.Columns)
        {
            var missingRows = Enumerable.Range(0, rows).Where(column.IsMissing).ToList();
            var passed = missingRows.Count == 0;
            yield return new ValidationCheck(
                "missing-values",
                column.Name,
                ValidationSeverity.Warning,
                passed,
                Share.Of(missingRows.Count, rows),
                passed ? "No missing values." : $"{missingRows.Count} rows have no value in '{column.Name}'.")
            {
                Examples = missingRows.Take(context.Options.MaxExamples).Select(ColumnValues.RowLabel).ToList(),
            };
        }
    }
}
