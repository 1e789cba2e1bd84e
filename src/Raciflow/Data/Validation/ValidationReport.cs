namespace Raciflow.Data.Validation;

/// <summary>
/// Everything one validation of a dataset version found. It passes when no error-severity check failed: declared
/// expectations are errors, built-in findings are warnings.
/// </summary>
public sealed record ValidationReport(string Dataset, long Rows, int Columns, string ExpectationsHash, IReadOnlyList<ValidationCheck> Checks)
{
    public bool Passed => Failures == 0;

    public int Failures => Checks.Count(c => c.IsFailure);

    public int Warnings => Checks.Count(c => c.IsWarning);
}
