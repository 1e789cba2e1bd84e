namespace Raciflow.Data.Validation;

/// <summary>
/// Warns about categorical columns with very many distinct values: one-hot encoding them explodes the feature
/// count, and they are often identifiers or free text typed as categories.
/// </summary>
public sealed class HighCardinalityCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        var max = context.Options.MaxCategories;
        foreach (var column in context.Frame.Columns)
        {
            if (column.Type != ColumnType.Categorical)
            {
                continue;
            }

            var distinct = ColumnValues.Counts(column).Count;
            var passed = distinct <= max;
            yield return new ValidationCheck(
                "high-cardinality",
                column.Name,
                ValidationSeverity.Warning,
                passed,
                $"{distinct} distinct values",
                passed
                    ? $"At most {max} categories."
                    : $"'{column.Name}' has {distinct} categories (more than {max}); consider dropping it, grouping rare values or treating it as text.");
        }
    }
}
