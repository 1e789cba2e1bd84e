using Raciflow.Data;
using Raciflow.Monitoring.Drift;

namespace Raciflow.Tests.Monitoring;

public sealed class DriftAnalyzerTests
{
    [Fact]
    public void SmallReferencesUseKsForNumbersChiSquareForCategoriesAndZForBinaryColumns()
    {
        var reference = DriftFrames.Of(
            DriftFrames.Numeric("x", Sequence(100, i => i)),
            DriftFrames.Numeric("few", Sequence(100, i => i % 4)),
            DriftFrames.Numeric("flag", Sequence(100, i => i % 2)),
            DriftFrames.Categorical("colour", Repeat(100, "red", "green", "blue")),
            DriftFrames.Categorical("yes", Repeat(100, "y", "n")));

        var report = DriftAnalyzer.Analyze(reference, reference);

        Assert.Equal([DriftTest.KolmogorovSmirnov, DriftTest.ChiSquare, DriftTest.ZTest, DriftTest.ChiSquare, DriftTest.ZTest], report.Features.Select(f => f.Test));
        Assert.All(report.Features, f => Assert.False(f.Drifted));
        Assert.All(report.Features, f => Assert.Equal(0.05, f.Threshold));
        Assert.All(report.Features, f => Assert.Equal(0, f.Psi, 12));
    }

    [Fact]
    public void LargeReferencesUseWassersteinForNumbersAndJensenShannonOtherwise()
    {
        var reference = DriftFrames.Of(
            DriftFrames.Numeric("x", Sequence(2000, i => i)),
            DriftFrames.Numeric("few", Sequence(2000, i => i % 3)),
            DriftFrames.Categorical("colour", Repeat(2000, "red", "green", "blue")));

        var report = DriftAnalyzer.Analyze(reference, reference);

        Assert.Equal([DriftTest.Wasserstein, DriftTest.JensenShannon, DriftTest.JensenShannon], report.Features.Select(f => f.Test));
        Assert.All(report.Features, f => Assert.Equal(0.1, f.Threshold));
        Assert.All(report.Features, f => Assert.Null(f.PValue));
    }

    [Fact]
    public void LargeReferenceShiftedByATenthOfAStandardDeviationDrifts()
    {
        // Uniform 0..1999 has population std √((2000² − 1)/12) = 577.35; shifting by 60 moves every unit of mass
        // 60 / 577.35 = 0.1039 standard deviations: just over Evidently's 0.1 threshold. A shift of 50 stays under it.
        var reference = DriftFrames.Of(DriftFrames.Numeric("x", Sequence(2000, i => i)));
        var std = Math.Sqrt(((2000.0 * 2000.0) - 1) / 12);

        var drifted = DriftAnalyzer.Analyze(reference, DriftFrames.Of(DriftFrames.Numeric("x", Sequence(2000, i => i + 60)))).Features[0];
        var stable = DriftAnalyzer.Analyze(reference, DriftFrames.Of(DriftFrames.Numeric("x", Sequence(2000, i => i + 50)))).Features[0];

        Assert.Equal(60 / std, drifted.Statistic, 9);
        Assert.True(drifted.Drifted);
        Assert.Equal(50 / std, stable.Statistic, 9);
        Assert.False(stable.Drifted);
    }

    [Fact]
    public void CategoricalColumnsCompareCategoryShares()
    {
        // 2×2 table [[60, 40], [40, 60]] without a p-value test: JS and PSI by hand.
        var reference = DriftFrames.Of(DriftFrames.Categorical("c", [.. Repeat(60, "a"), .. Repeat(40, "b")]));
        var current = DriftFrames.Of(DriftFrames.Categorical("c", [.. Repeat(40, "a"), .. Repeat(60, "b")]));
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["c"] = new(DriftTest.JensenShannon, 0.1) } };

        var feature = DriftAnalyzer.Analyze(reference, current, options).Features[0];

        Assert.Equal(DriftTest.JensenShannon, feature.Test);
        Assert.Equal(Raciflow.Monitoring.Drift.Statistics.JensenShannonDistance.Compute([0.6, 0.4], [0.4, 0.6]), feature.Statistic, 12);
        Assert.True(feature.Drifted); // JS = 0.1448 ≥ 0.1
        Assert.Equal((2 * 0.2 * Math.Log(1.5)), feature.Psi, 12); // (0.4 − 0.6)ln(0.4/0.6) + (0.6 − 0.4)ln(0.6/0.4)
        Assert.Equal(["a", "b"], feature.Distribution.Labels);
    }

    [Fact]
    public void MissingRatesAreReportedAndMissingValuesLeftOutOfTheTest()
    {
        var reference = DriftFrames.Of(DriftFrames.Numeric("x", 1, 2, 3, double.NaN), DriftFrames.Categorical("c", "a", null, "b", "a"));
        var current = DriftFrames.Of(DriftFrames.Numeric("x", 1, double.NaN, double.NaN, 3), DriftFrames.Categorical("c", null, null, null, "a"));

        var report = DriftAnalyzer.Analyze(reference, current);

        var x = report.Features[0];
        Assert.Equal(0.25, x.ReferenceMissingRate);
        Assert.Equal(0.5, x.CurrentMissingRate);
        Assert.Equal(3, x.ReferenceCount);
        Assert.Equal(2, x.CurrentCount);
        var c = report.Features[1];
        Assert.Equal(0.25, c.ReferenceMissingRate);
        Assert.Equal(0.75, c.CurrentMissingRate);
    }

    [Fact]
    public void AColumnThatStopsArrivingIsReportedAsDrifted()
    {
        var reference = DriftFrames.Of(DriftFrames.Numeric("x", 1, 2, 3));
        var current = DriftFrames.Of(DriftFrames.Numeric("x", double.NaN, double.NaN));

        var feature = DriftAnalyzer.Analyze(reference, current).Features[0];

        Assert.True(feature.Drifted);
        Assert.Equal(1.0, feature.CurrentMissingRate);
        Assert.Contains("current", feature.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePredictionColumnIsReportedApartAndDoesNotCountTowardsDatasetDrift()
    {
        var reference = DriftFrames.Of(DriftFrames.Numeric("x", Sequence(200, i => i)), DriftFrames.Numeric("y_pred", Sequence(200, i => i)));
        var current = DriftFrames.Of(DriftFrames.Numeric("x", Sequence(200, i => i)), DriftFrames.Numeric("y_pred", Sequence(200, i => i + 500)));

        var report = DriftAnalyzer.Analyze(reference, current, new DriftOptions { PredictionColumn = "y_pred" });

        Assert.Equal(["x"], report.Features.Select(f => f.Column));
        Assert.NotNull(report.Prediction);
        Assert.True(report.Prediction.Drifted);
        Assert.True(report.Prediction.IsPrediction);
        Assert.False(report.DatasetDrift);
    }

    [Fact]
    public void DatasetDriftsWhenAtLeastTheConfiguredShareOfFeaturesDrift()
    {
        var reference = DriftFrames.Of(DriftFrames.Numeric("a", Sequence(200, i => i)), DriftFrames.Numeric("b", Sequence(200, i => i)));
        var current = DriftFrames.Of(DriftFrames.Numeric("a", Sequence(200, i => i + 1000)), DriftFrames.Numeric("b", Sequence(200, i => i)));

        Assert.True(DriftAnalyzer.Analyze(reference, current).DatasetDrift); // 1 of 2 ≥ 0.5
        Assert.False(DriftAnalyzer.Analyze(reference, current, new DriftOptions { DriftShare = 0.75 }).DatasetDrift);
    }

    [Fact]
    public void BadColumnsAreRefusedByName()
    {
        var reference = DriftFrames.Of(DriftFrames.Numeric("x", 1, 2, 3), DriftFrames.Categorical("c", "a", "b", "c"));
        var current = DriftFrames.Of(DriftFrames.Categorical("x", "1", "2", "3"), DriftFrames.Categorical("c", "a", "b", "c"));

        var mismatch = Assert.Throws<RaciflowException>(() => DriftAnalyzer.Analyze(reference, current, columns: ["x"]));
        Assert.Equal(ErrorKind.Invalid, mismatch.Kind);
        Assert.Contains("'x' is numeric in the reference data but categorical in the current data", mismatch.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<RaciflowException>(() => DriftAnalyzer.Analyze(reference, current, columns: ["nope"]));
        Assert.Contains("'nope' is missing from the reference data", missing.Message, StringComparison.Ordinal);

        var ksOnCategories = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["c"] = new(DriftTest.KolmogorovSmirnov) } };
        var wrongTest = Assert.Throws<RaciflowException>(() => DriftAnalyzer.Analyze(reference, reference, ksOnCategories, ["c"]));
        Assert.Contains("'c' is categorical", wrongTest.Message, StringComparison.Ordinal);

        var zOnThree = new DriftOptions { Test = DriftTest.ZTest };
        Assert.Contains("3 distinct values", Assert.Throws<RaciflowException>(() => DriftAnalyzer.Analyze(reference, reference, zOnThree, ["c"])).Message, StringComparison.Ordinal);

        var infinite = DriftFrames.Of(DriftFrames.Numeric("x", 1, double.PositiveInfinity, 3));
        var inf = Assert.Throws<RaciflowException>(() => DriftAnalyzer.Analyze(DriftFrames.Of(DriftFrames.Numeric("x", 1, 2, 3)), infinite));
        Assert.Contains("infinite value at row 2", inf.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BooleanColumnsAreLabelledTrueAndFalse()
    {
        var reference = DriftFrames.Of(new NumericColumn("b", ColumnType.Boolean, [0, 1, 1, 0]));
        var feature = DriftAnalyzer.Analyze(reference, reference).Features[0];
        Assert.Equal(["false", "true"], feature.Distribution.Labels);
        Assert.Equal(DriftTest.ZTest, feature.Test);
    }

    private static double[] Sequence(int n, Func<int, double> value) => [.. Enumerable.Range(0, n).Select(value)];

    private static string[] Repeat(int n, params string[] values) => [.. Enumerable.Range(0, n).Select(i => values[i % values.Length])];
}
