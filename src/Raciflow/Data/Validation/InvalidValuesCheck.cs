namespace Raciflow.Data.Validation;

/// <summary>
/// Warns about values that break their column's inferred type (e.g. "n/a" in a numeric column). Only ingestion
/// sees the raw text, so this check reads <see cref="ColumnStatistics.Invalid"/> and its line-numbered examples.
/// </summary>
public sealed class InvalidValuesCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        foreach (var column in context.Frame.Columns)
        {
            var stats = context.StatisticsOf(column.Name);
            if (stats is null)
            {
                continue;
            }

            var passed = stats.Invalid == 0;
            var type = column.Type.ToString().ToLowerInvariant();
            yield return new ValidationCheck(
                "invalid-values",
                column.Name,
                ValidationSeverity.Warning,
                passed,
                Share.Of(stats.Invalid, stats.Count),
                passed ? $"Every value parses as {type}." : $"{stats.Invalid} values of '{column.Name}' are not {type} and were read as missing.")
            {
                Examples = stats.InvalidExamples.Take(context.Options.MaxExamples).Select(e => $"line {e.Line}: '{e.Value}'").ToList(),
            };
        }
    }
}
