using Raciflow.Projects;

namespace Raciflow.Data.Validation;

/// <summary>Runs the built-in checks and the project's expectations on a frame; pure, no stores involved.</summary>
public sealed class DatasetValidator(ValidationOptions? options = null)
{
    private static readonly IReadOnlyList<IDatasetCheck> BuiltIn =
    [
        new MissingValuesCheck(),
        new DuplicateRowsCheck(),
        new InvalidValuesCheck(),
        new OutlierCheck(),
        new ConstantColumnCheck(),
        new HighCardinalityCheck(),
        new ClassBalanceCheck(),
    ];

    private readonly ValidationOptions _options = options ?? ValidationOptions.Default;

    /// <param name="datasetLabel">How the report names the data, e.g. penguins@3.</param>
    /// <param name="statistics">Ingestion statistics (for invalid values); empty when unknown.</param>
    /// <param name="data">The project's data section (target, expectations); null without a project.</param>
    public ValidationReport Validate(string datasetLabel, Frame frame, IReadOnlyList<ColumnStatistics> statistics, DataConfig? data)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var context = new ValidationContext(frame, statistics, data, _options);

        // Expectations first: they decide pass/fail, and a malformed one should stop us before any other work.
        var checks = new ExpectationCheck().Run(context).ToList();
        foreach (var check in BuiltIn)
        {
            checks.AddRange(check.Run(context));
        }

        return new ValidationReport(datasetLabel, frame.RowCount, frame.Columns.Count, ExpectationRules.Hash(data?.Expectations ?? []), checks);
    }
}
