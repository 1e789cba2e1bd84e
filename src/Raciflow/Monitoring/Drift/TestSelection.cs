namespace Raciflow.Monitoring.Drift;

/// <summary>
/// Picks the test and threshold of one column. The default follows Evidently's <c>get_default_stattest</c>: with at
/// most 1,000 reference values, KS for numeric columns with more than 5 distinct values, else chi-square (z-test when
/// there are at most 2 values); with more, normalised Wasserstein for such numeric columns, else Jensen–Shannon.
/// </summary>
internal static class TestSelection
{
    public static DriftTest Default(FeatureKind kind, int referenceCount, int distinctValues)
    {
        var categorical = kind == FeatureKind.Categorical || distinctValues <= DriftOptions.MaxCategoricalNumericValues;
        if (referenceCount <= DriftOptions.LargeReferenceRows)
        {
            return !categorical ? DriftTest.KolmogorovSmirnov : distinctValues > 2 ? DriftTest.ChiSquare : DriftTest.ZTest;
        }

        return categorical ? DriftTest.JensenShannon : DriftTest.Wasserstein;
    }

    /// <summary>The configured test of a column, or null to use the default.</summary>
    public static DriftTest? Configured(string column, DriftOptions options) =>
        options.Columns.TryGetValue(column, out var own) && own.Test is { } test ? test : options.Test;

    public static double Threshold(string column, DriftTest test, DriftOptions options)
    {
        options.Columns.TryGetValue(column, out var own);
        double? threshold = own?.Test is not null ? own.Threshold
            : own?.Threshold ?? (options.Test is not null ? options.Threshold : null);
        var value = threshold ?? test.DefaultThreshold();
        if (test.IsHypothesisTest() && value >= 1)
        {
            throw RaciflowException.Invalid($"Column '{column}': threshold {value} is a p-value threshold for '{test.Name()}' and must be below 1.", column);
        }

        return value;
    }

    /// <summary>Refuses tests that cannot apply to a column, naming the column and the tests that can.</summary>
    public static void Check(string column, FeatureKind kind, DriftTest test, int distinctValues)
    {
        if (kind == FeatureKind.Categorical && test is DriftTest.KolmogorovSmirnov or DriftTest.Wasserstein)
        {
            throw RaciflowException.Invalid($"Column '{column}' is categorical; drift test '{test.Name()}' needs numbers. Use chisquare, z, jensenshannon or psi.", column);
        }

        if (test == DriftTest.ZTest && distinctValues > 2)
        {
            throw RaciflowException.Invalid($"Column '{column}' has {distinctValues} distinct values; drift test 'z' needs a binary column. Use chisquare, jensenshannon or psi.", column);
        }
    }
}
