namespace Raciflow.Data.Validation;

/// <summary>Warns when rows repeat an earlier row in every column (missing values compare equal).</summary>
public sealed class DuplicateRowsCheck : IDatasetCheck
{
    // A unit separator cannot appear in a CSV field unescaped, so joined rows cannot collide by accident;
    // the missing marker is a character no formatted value starts with alone.
    private const char Separator = '\u001f';
    private const string MissingMarker = "\u0000";

    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        var frame = context.Frame;
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        var duplicates = 0;
        for (var row = 0; row < frame.RowCount; row++)
        {
            var key = string.Join(Separator, frame.Columns.Select(c => c.Format(row) ?? MissingMarker));
            if (firstSeen.TryGetValue(key, out var first))
            {
                duplicates++;
                if (examples.Count < context.Options.MaxExamples)
                {
                    examples.Add($"{ColumnValues.RowLabel(row)} repeats {ColumnValues.RowLabel(first)}");
                }
            }
            else
            {
                firstSeen[key] = row;
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
