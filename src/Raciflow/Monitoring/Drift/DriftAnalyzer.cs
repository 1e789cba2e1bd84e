using Raciflow.Data;

namespace Raciflow.Monitoring.Drift;

/// <summary>
/// Compares current data (a window of logged predictions, or a dataset version) with reference data (the training
/// rows of a model version), column by column, in parallel across columns.
/// </summary>
public static class DriftAnalyzer
{
    /// <summary>
    /// Analyses <paramref name="columns"/> (default: every numeric, integer, boolean and categorical column of the
    /// reference; date-time and free-text columns are left out) plus the options' prediction column.
    /// </summary>
    /// <exception cref="RaciflowException">A column is missing on one side, has different kinds on the two sides,
    /// holds an infinite value, or is configured with a test that cannot apply to it.</exception>
    public static DriftReport Analyze(Frame reference, Frame current, DriftOptions? options = null, IReadOnlyList<string>? columns = null)
    {
        options ??= new DriftOptions();
        var pairs = ColumnPairs(reference, current, options, columns);
        var results = new FeatureDrift[pairs.Count];
        try
        {
            Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, i =>
            {
                var (r, c, isPrediction) = pairs[i];
                results[i] = r is NumericColumn nr
                    ? NumericColumnDrift.Analyze(nr, (NumericColumn)c, options, isPrediction)
                    : CategoricalColumnDrift.Analyze((StringColumn)r, (StringColumn)c, options, isPrediction);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<RaciflowException>().FirstOrDefault() is { } first)
        {
            throw first;
        }

        return new DriftReport
        {
            Features = [.. results.Where(f => !f.IsPrediction)],
            Prediction = results.FirstOrDefault(f => f.IsPrediction),
            ReferenceRows = reference.RowCount,
            CurrentRows = current.RowCount,
            DriftShare = options.DriftShare,
        };
    }

    private static List<(FrameColumn Reference, FrameColumn Current, bool IsPrediction)> ColumnPairs(
        Frame reference, Frame current, DriftOptions options, IReadOnlyList<string>? columns)
    {
        var names = columns?.Distinct(StringComparer.Ordinal).ToList()
            ?? [.. reference.Columns.Where(c => IsSupported(c.Type)).Select(c => c.Name)];
        var prediction = options.PredictionColumn;
        if (prediction is not null)
        {
            names.Remove(prediction);
            names.Add(prediction);
        }

        var pairs = new List<(FrameColumn, FrameColumn, bool)>(names.Count);
        foreach (var name in names)
        {
            var r = Require(reference, name, "reference");
            var c = Require(current, name, "current");
            if (!IsSupported(r.Type))
            {
                throw RaciflowException.Invalid($"Column '{name}' is {r.Type.ToString().ToLowerInvariant()}; drift is measured on numeric, integer, boolean and categorical columns only.", name);
            }

            var bothNumbers = r is NumericColumn && c is NumericColumn;
            var bothStrings = r is StringColumn && c is StringColumn;
            if (!bothNumbers && !bothStrings)
            {
                throw RaciflowException.Invalid($"Column '{name}' is {r.Type.ToString().ToLowerInvariant()} in the reference data but {c.Type.ToString().ToLowerInvariant()} in the current data.", name);
            }

            pairs.Add((r, c, name == prediction));
        }

        return pairs;
    }

    private static FrameColumn Require(Frame frame, string name, string side) =>
        frame.Contains(name)
            ? frame[name]
            : throw RaciflowException.Invalid($"Column '{name}' is missing from the {side} data; it has: {string.Join(", ", frame.Columns.Select(c => c.Name))}.", name);

    private static bool IsSupported(ColumnType type) => type is ColumnType.Numeric or ColumnType.Integer or ColumnType.Boolean or ColumnType.Categorical;
}
