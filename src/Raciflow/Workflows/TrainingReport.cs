using Raciflow.Projects;
using Raciflow.Training;

namespace Raciflow.Workflows;

/// <summary>The outcome of <c>raciflow train</c>: the leaderboard, the best model and the KPI verdict.</summary>
public sealed record TrainingReport(
    string ParentRunId,
    string Experiment,
    string Dataset,
    long SplitId,
    string Target,
    TaskKind Task,
    string PrimaryMetric,
    IReadOnlyList<LeaderboardEntry> Leaderboard,
    IReadOnlyList<KpiCheck> Kpis)
{
    public LeaderboardEntry Best => Leaderboard[0];

    /// <summary>True when every KPI passes (and trivially when the project declares none).</summary>
    public bool KpisPassed => Kpis.All(k => k.Passed);
}
