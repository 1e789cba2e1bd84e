using Raciflow.Training.Preprocessing;
using Raciflow.Training.Tuning;

namespace Raciflow.Training;

/// <summary>What to train: the target, the task (inferred when null), the algorithms and the search budget.</summary>
public sealed record TrainingRequest
{
    public required string Target { get; init; }

    /// <summary>Null infers the task from the target column.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>Catalog names; empty means every algorithm that supports the task.</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = [];

    /// <summary>Fixed hyperparameters per algorithm name; they are validated and left out of the search.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Hyperparameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, object>>();

    /// <summary>Input columns; null means every column except the target.</summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>Metric that ranks trials and the leaderboard; null means r2 (regression) or f1_macro (classification).</summary>
    public string? PrimaryMetric { get; init; }

    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 42;

    /// <summary>
    /// Trials per algorithm. The default, 1, trains the default hyperparameters only (a quick baseline); ask for
    /// more trials or a <see cref="TimeBudget"/> to tune.
    /// </summary>
    public int? Trials { get; init; } = 1;

    /// <summary>Time budget per algorithm, instead of or besides <see cref="Trials"/>.</summary>
    public TimeSpan? TimeBudget { get; init; }

    public SearchStrategy Strategy { get; init; } = SearchStrategy.Tpe;

    public bool EarlyStopping { get; init; } = true;

    public FeaturePipelineOptions Preprocessing { get; init; } = new();
}
