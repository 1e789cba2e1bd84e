using Raciflow.Data;
using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Monitoring.Drift;

/// <summary>Drift of a categorical column, from the counts of each category on both sides.</summary>
internal static class CategoricalColumnDrift
{
    public static FeatureDrift Analyze(StringColumn reference, StringColumn current, DriftOptions options, bool isPrediction)
    {
        var table = CategoryTable.FromStrings(reference.Values, current.Values);
        var r = table.Reference.Sum();
        var c = table.Current.Sum();
        var configured = TestSelection.Configured(reference.Name, options);
        if (configured is { } explicitTest)
        {
            TestSelection.Check(reference.Name, FeatureKind.Categorical, explicitTest, table.Count);
        }

        if (r == 0 || c == 0)
        {
            var fallback = configured ?? DriftTest.Psi;
            return ColumnDrift.Untestable(reference, current, FeatureKind.Categorical, fallback, TestSelection.Threshold(reference.Name, fallback, options), (int)r, (int)c, isPrediction);
        }

        var test = configured ?? TestSelection.Default(FeatureKind.Categorical, (int)r, table.Count);
        var threshold = TestSelection.Threshold(reference.Name, test, options);
        var psi = PopulationStabilityIndex.FromCounts(table.Reference, table.Current, options.Epsilon);
        var figures = test switch
        {
            DriftTest.ChiSquare => ChiSquareTest.Test(table.Reference, table.Current),
            DriftTest.ZTest => TwoProportionZTest.Test(table.Reference[0], r, table.Current[0], c),
            DriftTest.JensenShannon => ColumnDrift.Distance(JensenShannonDistance.Compute(table.ReferenceShares(), table.CurrentShares())),
            DriftTest.Psi => ColumnDrift.Distance(psi),
            _ => throw new ArgumentOutOfRangeException(nameof(options), test, null),
        };

        return ColumnDrift.Verdict(reference, current, FeatureKind.Categorical, test, threshold, figures, psi, (int)r, (int)c, table.ToSummary(options.MaxChartCategories), isPrediction);
    }
}
