namespace Raciflow.Training.Tuning;

/// <summary>Hears about trials as they run; calls are serialised, so an implementation need not be thread-safe.</summary>
public interface ITrialObserver
{
    void TrialStarted(int number, Hyperparameters hyperparameters);

    void TrialFinished(TrialResult trial);
}
