namespace Raciflow.Monitoring.ModelDrift;

/// <summary>A model version's drift as the CLI's --json and the API return it: the verdicts, and where the report was saved.</summary>
public sealed record ModelDriftSummary(
    string Model,
    int Version,
    string Current,
    int ReferenceRows,
    int CurrentRows,
    bool DatasetDrift,
    int DriftedFeatures,
    double DriftedShare,
    double DriftShareThreshold,
    IReadOnlyList<FeatureDriftSummary> Features,
    FeatureDriftSummary? Prediction,
    string? ReportKey)
{
    public static ModelDriftSummary Of(ModelDriftResult result, string? reportKey = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = result.Report;
        return new ModelDriftSummary(
            result.Version.Model,
            result.Version.Version,
            result.Current,
            report.ReferenceRows,
            report.CurrentRows,
            report.DatasetDrift,
            report.DriftedFeatureCount,
            report.DriftedFeatureShare,
            report.DriftShare,
            report.Features.Select(FeatureDriftSummary.Of).ToList(),
            report.Prediction is { } p ? FeatureDriftSummary.Of(p) : null,
            reportKey);
    }
}
