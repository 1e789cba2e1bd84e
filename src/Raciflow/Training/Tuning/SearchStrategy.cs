namespace Raciflow.Training.Tuning;

/// <summary>How hyperparameter trials are proposed.</summary>
public enum SearchStrategy
{
    /// <summary>Independent uniform draws (log-uniform for log-scale ranges).</summary>
    Random,

    /// <summary>Tree-structured Parzen Estimator: random start-up trials, then draws favouring regions that scored well.</summary>
    Tpe,
}
