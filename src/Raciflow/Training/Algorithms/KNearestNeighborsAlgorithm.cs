using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// k-nearest neighbours for regression (mean of the neighbours' values) and classification (vote shares as
/// probabilities), Euclidean or Manhattan, uniform or inverse-distance weights. Brute force: fitting stores the
/// rows. Row weights are ignored, as in scikit-learn.
/// </summary>
public sealed class KNearestNeighborsAlgorithm : IAlgorithm
{
    public string Name => "knn";

    public string DisplayName => "k-nearest neighbours";

    public IReadOnlySet<TaskKind> Tasks { get; } = new HashSet<TaskKind> { TaskKind.Regression, TaskKind.Binary, TaskKind.Multiclass };

    public HyperparameterSpace SearchSpace(TaskKind task) => new(
    [
        Hyperparameter.Int("n_neighbors", 1, 50, 5, log: true),
        Hyperparameter.Choice("weights", "uniform", "uniform", "distance"),
        Hyperparameter.Choice("metric", "euclidean", "euclidean", "manhattan"),
    ]);

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        TrainingDataGuard.Check(data, this);
        var h = SearchSpace(data.Task).Validate(hyperparameters.Values, Name);
        cancellationToken.ThrowIfCancellationRequested();
        var weighting = h.Choice("weights") == "distance" ? NeighborWeighting.Distance : NeighborWeighting.Uniform;
        var metric = h.Choice("metric") == "manhattan" ? DistanceMetric.Manhattan : DistanceMetric.Euclidean;
        return new KNearestNeighborsModel(
            Name,
            data.Task,
            data.ClassCount,
            (double[])data.Features.Values.Clone(),
            (double[])data.Labels.Clone(),
            data.Features.Columns,
            h.Int("n_neighbors"),
            weighting,
            metric);
    }

    public ITrainedModel Load(Stream stream) => KNearestNeighborsModel.Read(stream, Name);
}
