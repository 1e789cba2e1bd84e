namespace Raciflow.Projects;

/// <summary>
/// The <c>monitoring.drift</c> section of raciflow.yaml. Without it each column gets Evidently's default test for its
/// type and the reference size; <see cref="Test"/> and <see cref="Columns"/> override that.
/// </summary>
public sealed class DriftConfig
{
    /// <summary>Share of features that must drift for the dataset to count as drifted.</summary>
    public double DriftShare { get; set; } = 0.5;

    /// <summary>Number of reference-quantile bins for PSI (and for Jensen–Shannon on numeric columns).</summary>
    public int Bins { get; set; } = 10;

    /// <summary>Test for every column without its own: ks, chisquare, z, wasserstein, jensenshannon or psi.</summary>
    public string? Test { get; set; }

    /// <summary>Threshold for <see cref="Test"/>: a p-value (drift below it) or a distance (drift at or above it).</summary>
    public double? Threshold { get; set; }

    /// <summary>The model's output column, reported apart from the features.</summary>
    public string? PredictionColumn { get; set; }

    /// <summary>
    /// Whether predictions made with the web page's form count as served traffic in drift windows. Off by default:
    /// people trying the form are not the population the model serves.
    /// </summary>
    public bool IncludeWebForm { get; set; }

    /// <summary>Per-column test and threshold.</summary>
    public Dictionary<string, ColumnDriftConfig> Columns { get; set; } = [];
}
