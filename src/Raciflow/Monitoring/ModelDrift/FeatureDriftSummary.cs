using Raciflow.Monitoring.Drift;

namespace Raciflow.Monitoring.ModelDrift;

/// <summary>
/// One column's verdict as the CLI's --json and the API return it: plain figures, with null where a statistic is
/// undefined (an untestable column), so any JSON reader can take it.
/// </summary>
public sealed record FeatureDriftSummary(
    string Column,
    string Test,
    double? Statistic,
    double? PValue,
    double Threshold,
    double? Psi,
    bool Drifted,
    double ReferenceMissingRate,
    double CurrentMissingRate,
    string? Note)
{
    public static FeatureDriftSummary Of(FeatureDrift feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return new FeatureDriftSummary(
            feature.Column,
            feature.Test.Name(),
            Finite(feature.Statistic),
            feature.PValue is { } p ? Finite(p) : null,
            feature.Threshold,
            Finite(feature.Psi),
            feature.Drifted,
            feature.ReferenceMissingRate,
            feature.CurrentMissingRate,
            feature.Note);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
