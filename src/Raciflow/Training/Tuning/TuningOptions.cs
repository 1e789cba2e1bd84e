namespace Raciflow.Training.Tuning;

/// <summary>Budget and behaviour of a hyperparameter search.</summary>
public sealed record TuningOptions
{
    public SearchStrategy Strategy { get; init; } = SearchStrategy.Tpe;

    /// <summary>Most trials (the first is always the defaults). At least one of this and <see cref="TimeBudget"/> bounds the search.</summary>
    public int? Trials { get; init; } = 10;

    /// <summary>Wall-clock budget: no new batch starts after it; running trials finish. Makes the trial count depend on speed.</summary>
    public TimeSpan? TimeBudget { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>
    /// Trials proposed together from the same history. Fixed (not the core count) so the proposals, and hence the
    /// results, are the same on any machine.
    /// </summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Random trials before TPE starts modelling.</summary>
    public int StartupTrials { get; init; } = 6;

    /// <summary>
    /// Successive halving by the median stopping rule: a trial is scored on the first fold, and stopped there when
    /// that score is worse than the median first-fold score of the trials of earlier batches.
    /// </summary>
    public bool EarlyStopping { get; init; } = true;

    /// <summary>Trials run at once; the default is one per core.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
