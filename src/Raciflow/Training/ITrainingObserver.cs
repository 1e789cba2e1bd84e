using Raciflow.Training.Tuning;

namespace Raciflow.Training;

/// <summary>
/// Progress of a training job, for the CLI's progress display and for tracking (one child run per trial). Calls
/// are serialised. Every method has an empty default, so an observer implements only what it needs.
/// </summary>
public interface ITrainingObserver
{
    void AlgorithmStarted(string algorithm, TaskKind task)
    {
    }

    void TrialStarted(string algorithm, int number, Hyperparameters hyperparameters)
    {
    }

    void TrialFinished(string algorithm, TrialResult trial)
    {
    }

    void AlgorithmFinished(AlgorithmResult result)
    {
    }
}
