namespace Raciflow.Workflows;

/// <summary>One algorithm's line of the leaderboard, with the tracked run that holds its model and plots.</summary>
public sealed record LeaderboardEntry(
    int Rank,
    string Algorithm,
    string RunId,
    double CvScore,
    double? ValidationScore,
    double? TestScore,
    IReadOnlyDictionary<string, double> TestMetrics,
    IReadOnlyDictionary<string, string> Hyperparameters,
    int Trials,
    double Seconds);
