using Raciflow.Training.Tuning;

namespace Raciflow.Training;

/// <summary>
/// One algorithm's outcome: its trials, the best hyperparameters and their cross-validation score, the model refit
/// on all training rows, and its validation and test metrics (empty when that part of the split is empty).
/// </summary>
public sealed record AlgorithmResult
{
    public required string Algorithm { get; init; }

    public required Hyperparameters BestHyperparameters { get; init; }

    /// <summary>Mean cross-validation score of the best trial on the primary metric.</summary>
    public required double CvScore { get; init; }

    public required IReadOnlyList<TrialResult> Trials { get; init; }

    public required IReadOnlyDictionary<string, double> ValidationMetrics { get; init; }

    public required IReadOnlyDictionary<string, double> TestMetrics { get; init; }

    public required ModelBundle Bundle { get; init; }

    public required TimeSpan Duration { get; init; }
}
