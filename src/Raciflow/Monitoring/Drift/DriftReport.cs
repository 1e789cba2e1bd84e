namespace Raciflow.Monitoring.Drift;

/// <summary>
/// Drift of a current window against reference data: one verdict per feature, the model output apart, and the
/// dataset verdict (drift when at least <see cref="DriftShare"/> of the features drifted).
/// </summary>
public sealed class DriftReport
{
    public required IReadOnlyList<FeatureDrift> Features { get; init; }

    /// <summary>The prediction (model output) column's verdict, when the options named one.</summary>
    public FeatureDrift? Prediction { get; init; }

    public required int ReferenceRows { get; init; }

    public required int CurrentRows { get; init; }

    public required double DriftShare { get; init; }

    public int DriftedFeatureCount => Features.Count(f => f.Drifted);

    public double DriftedFeatureShare => Features.Count == 0 ? 0 : (double)DriftedFeatureCount / Features.Count;

    public bool DatasetDrift => Features.Count > 0 && DriftedFeatureShare >= DriftShare;
}
