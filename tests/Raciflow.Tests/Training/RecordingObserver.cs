using Raciflow.Training;
using Raciflow.Training.Tuning;

namespace Raciflow.Tests.Training;

/// <summary>Records training events as text lines, in the order they arrive.</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    public List<string> Events { get; } = [];

    public void AlgorithmStarted(string algorithm, TaskKind task) => Events.Add($"start {algorithm}");

    public void TrialStarted(string algorithm, int number, Hyperparameters hyperparameters) => Events.Add($"trial-start {algorithm} {number}");

    public void TrialFinished(string algorithm, TrialResult trial) => Events.Add($"trial-end {algorithm} {trial.Number}");

    public void AlgorithmFinished(AlgorithmResult result) => Events.Add($"end {result.Algorithm}");
}
