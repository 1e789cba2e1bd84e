using Raciflow.Training.Evaluation;

namespace Raciflow.Training;

/// <summary>
/// A training job's outcome. The leaderboard is sorted best first by the primary metric on the validation rows
/// (by the cross-validation score when there are none); test metrics are reported, never used to choose.
/// </summary>
public sealed record TrainingResult(TaskKind Task, Metric PrimaryMetric, IReadOnlyList<AlgorithmResult> Leaderboard)
{
    public AlgorithmResult Best => Leaderboard[0];
}
