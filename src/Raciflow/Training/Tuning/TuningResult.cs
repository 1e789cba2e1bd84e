namespace Raciflow.Training.Tuning;

/// <summary>Every trial of a search, in trial order, and the best completed one.</summary>
public sealed record TuningResult(TrialResult Best, IReadOnlyList<TrialResult> Trials);
