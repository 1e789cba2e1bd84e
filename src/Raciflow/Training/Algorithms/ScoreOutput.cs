namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET output row for regression.</summary>
internal sealed class ScoreOutput
{
    public float Score { get; set; }
}
