using Raciflow.Training;

namespace Raciflow.Workflows;

/// <summary>What to train; every unset value comes from raciflow.yaml, then from defaults.</summary>
public sealed record TrainOptions
{
    /// <summary>Dataset reference (NAME[@VERSION]); default: data.name of raciflow.yaml.</summary>
    public string? Data { get; init; }

    public string? Target { get; init; }

    public TaskKind? Task { get; init; }

    /// <summary>Catalog names; empty means every algorithm that supports the task.</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = [];

    /// <summary>Tuning trials per algorithm; 0 or 1 trains the defaults only.</summary>
    public int? Trials { get; init; }

    public TimeSpan? TimeBudget { get; init; }

    public string? Experiment { get; init; }

    public int? Seed { get; init; }

    public string? PrimaryMetric { get; init; }

    public int? Folds { get; init; }

    /// <summary>Fixed hyperparameters per algorithm (left out of the search), e.g. a retraining repeating its champion's.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>>? Hyperparameters { get; init; }

    /// <summary>Extra tags of the parent run, e.g. why a retraining ran.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Who starts the training, as governance authenticated them; default: the workspace's actor.</summary>
    public string? User { get; init; }
}
