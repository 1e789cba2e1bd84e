using Microsoft.ML;
using Raciflow.Training.Tuning;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Shared plumbing of the ML.NET-backed algorithms: a seeded <see cref="MLContext"/> per fit, data views over the
/// feature matrix, cancellation, and the model wrapper. A subclass only says which trainer to build.
/// </summary>
public abstract class MlNetAlgorithm : IAlgorithm
{
    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    public abstract IReadOnlySet<TaskKind> Tasks { get; }

    /// <summary>
    /// Threads per fit. 1 by default: tuning already runs one trial per core, and a single thread keeps the
    /// tree learners bit-for-bit deterministic.
    /// </summary>
    public int Threads { get; init; } = 1;

    public abstract HyperparameterSpace SearchSpace(TaskKind task);

    public ITrainedModel Fit(TrainingData data, Hyperparameters hyperparameters, int seed, CancellationToken cancellationToken = default)
    {
        if (!Tasks.Contains(data.Task))
        {
            throw RaciflowException.Invalid($"Algorithm '{Name}' does not support {data.Task.ToString().ToLowerInvariant()}.", Name);
        }

        // ML.NET's own cancellation hook is internal, so a fit runs to its end; callers cancel between fits.
        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(seed);
        var trainer = CreateTrainer(ml, data.Task, hyperparameters, seed, data.Weights is null ? null : MlNetRows.Weight);
        var transformer = trainer.Fit(MlNetRows.Training(ml, data));
        return new MlNetModel(Name, data.Task, data.OutputWidth, data.Features.Columns, ml, transformer);
    }

    public ITrainedModel Load(Stream stream) => MlNetModel.Load(Name, stream);

    /// <summary>The estimator for a task; <paramref name="weightColumn"/> is null when rows are unweighted.</summary>
    protected abstract IEstimator<ITransformer> CreateTrainer(MLContext ml, TaskKind task, Hyperparameters hp, int seed, string? weightColumn);

    protected static IReadOnlySet<TaskKind> TasksOf(params TaskKind[] tasks) => tasks.ToHashSet();
}
