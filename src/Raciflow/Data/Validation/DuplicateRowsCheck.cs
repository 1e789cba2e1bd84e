namespace Raciflow.Data.Validation;

/// <summary>Warns when rows repeat an earlier row in every column (missing values compare equal).</summary>
public sealed class DuplicateRowsCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        var frame = context.Frame;
        var firstSeen = new Dictionary<int, int>(new RowEqualityComparer(frame));
        var examples = new List<string>();
        var duplicates = 0;
        for (var row = 0; row < frame.RowCount; row++)
        {
            if (firstSeen.TryGetValue(row, out var first))
            {
                duplicates++;
                if (examples.Count < context.Options.MaxExamples)
                {
                    examples.Add($"{ColumnValues.RowLabel(row)} repeats {ColumnValues.RowLabel(first)}");
                }
            }
            else
            {
                firstSeen[row] = row;
            }
        }

        yield return new ValidationCheck(
            "duplicate-rows",
            null,
            ValidationSeverity.Warning,
            duplicates == 0,
            Share.Of(duplicates, frame.RowCount),
            duplicates == 0 ? "No row repeats another." : $"{duplicates} rows repeat an earlier row in every column.")
        {
            Examples = examples,
        };
    }
}
