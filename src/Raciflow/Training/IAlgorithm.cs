using Raciflow.Training.Tuning;

namespace Raciflow.Training;

/// <summary>
/// One entry of the algorithm catalog: a trainer and its hyperparameter search space. Adding an algorithm is
/// adding one class that implements this (and registering it in <see cref="AlgorithmCatalog"/>).
/// </summary>
public interface IAlgorithm
{
    /// <summary>Catalog name used in raciflow.yaml and on the command line, e.g. "lasso", "random-forest".</summary>
    string Name { get; }

    /// <summary>Name for people, e.g. "Lasso regression (L1, coordinate descent)".</summary>
    string DisplayName { get; }

    IReadOnlySet<TaskKind> Tasks { get; }

    /// <summary>Hyperparameters with their ranges and defaults for a task.</summary>
    HyperparameterSpace SearchSpace(TaskKind task);

    /// <summary>Fits a model; must be deterministic for the same data, hyperparameters and seed.</summary>
    ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default);

    /// <summary>Reads back a model written by <see cref="ITrainedModel.Save"/>.</summary>
    ITrainedModel Load(Stream stream);
}
