namespace Raciflow.Data.Validation;

/// <summary>Warns about columns with at most one distinct value: they carry no information for a model.</summary>
public sealed class ConstantColumnCheck : IDatasetCheck
{
    public IEnumerable<ValidationCheck> Run(ValidationContext context)
    {
        foreach (var column in context.Frame.Columns)
        {
            var distinct = ColumnValues.DistinctCount(column);
            var passed = distinct > 1;
            var observed = distinct switch
            {
                0 => "no values",
                1 => $"1 distinct value ('{ColumnValues.FirstPresent(column)}')",
                _ => $"{distinct} distinct values",
            };
            yield return new ValidationCheck(
                "constant-column",
                column.Name,
                ValidationSeverity.Warning,
                passed,
                observed,
                passed ? "The column varies." : $"'{column.Name}' holds {observed}; it cannot help a model.");
        }
    }
}
