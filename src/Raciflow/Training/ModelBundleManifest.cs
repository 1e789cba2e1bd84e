namespace Raciflow.Training;

/// <summary>The JSON part of a saved <see cref="ModelBundle"/> (everything except the preprocessing and model bytes).</summary>
internal sealed record ModelBundleManifest(
    int FormatVersion,
    string Algorithm,
    TaskKind Task,
    string Target,
    IReadOnlyList<string> Classes,
    IReadOnlyDictionary<string, object> Hyperparameters,
    IReadOnlyDictionary<string, double> Metrics);
