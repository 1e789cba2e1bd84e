using System.Collections.Concurrent;
using Raciflow.Training;
using Raciflow.Training.Tuning;

namespace Raciflow.Tests.Training;

/// <summary>Wraps an algorithm and records every feature row it is fitted on, to prove which rows training saw.</summary>
internal sealed class SpyAlgorithm(IAlgorithm inner) : IAlgorithm
{
    public ConcurrentBag<double[]> SeenRows { get; } = [];

    public string Name => inner.Name;

    public string DisplayName => inner.DisplayName;

    public IReadOnlySet<TaskKind> Tasks => inner.Tasks;

    public HyperparameterSpace SearchSpace(TaskKind task) => inner.SearchSpace(task);

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        for (var r = 0; r < data.Rows; r++)
        {
            SeenRows.Add(data.Features.Row(r).ToArray());
        }

        return inner.Fit(data, hyperparameters, seed, cancellationToken);
    }

    public ITrainedModel Load(Stream stream) => inner.Load(stream);
}
