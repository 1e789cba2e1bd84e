using Raciflow.Data;
using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Monitoring.Drift;

/// <summary>Turns a chosen test's figures into a <see cref="FeatureDrift"/>, shared by numeric and categorical columns.</summary>
internal static class ColumnDrift
{
    public static FeatureDrift Verdict(
        FrameColumn reference,
        FrameColumn current,
        FeatureKind kind,
        DriftTest test,
        double threshold,
        TestResult figures,
        double psi,
        int referenceCount,
        int currentCount,
        DistributionSummary distribution,
        bool isPrediction)
    {
        var hypothesis = test.IsHypothesisTest();
        return new FeatureDrift
        {
            Column = reference.Name,
            Type = reference.Type,
            Kind = kind,
            Test = test,
            Statistic = figures.Statistic,
            PValue = hypothesis ? figures.PValue : null,
            DegreesOfFreedom = figures.DegreesOfFreedom,
            Threshold = threshold,
            Psi = psi,
            Drifted = hypothesis ? figures.PValue < threshold : figures.Statistic >= threshold,
            ReferenceCount = referenceCount,
            CurrentCount = currentCount,
            ReferenceMissingRate = MissingRate(reference.Length, referenceCount),
            CurrentMissingRate = MissingRate(current.Length, currentCount),
            IsPrediction = isPrediction,
            Distribution = distribution,
        };
    }

    /// <summary>
    /// A column with no values on one side cannot be tested. A current window that lost every value while the
    /// reference had some is reported as drifted: the column has stopped arriving, the strongest drift there is.
    /// </summary>
    public static FeatureDrift Untestable(FrameColumn reference, FrameColumn current, FeatureKind kind, DriftTest test, double threshold, int referenceCount, int currentCount, bool isPrediction)
    {
        var side = referenceCount == 0 ? "reference" : "current";
        return new FeatureDrift
        {
            Column = reference.Name,
            Type = reference.Type,
            Kind = kind,
            Test = test,
            Statistic = double.NaN,
            Threshold = threshold,
            Psi = double.NaN,
            Drifted = referenceCount > 0 && currentCount == 0,
            ReferenceCount = referenceCount,
            CurrentCount = currentCount,
            ReferenceMissingRate = MissingRate(reference.Length, referenceCount),
            CurrentMissingRate = MissingRate(current.Length, currentCount),
            IsPrediction = isPrediction,
            Distribution = new DistributionSummary(DistributionKind.Categories, [], [], [], []),
            Note = $"The {side} data has no non-missing values in this column; the test was not run.",
        };
    }

    public static TestResult Distance(double value) => new(value, double.NaN);

    private static double MissingRate(int rows, int present) => rows == 0 ? 0 : (double)(rows - present) / rows;
}
