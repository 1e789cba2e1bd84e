namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET output row for multiclass classification: one score per class, in key order.</summary>
internal sealed class ScoresOutput
{
    public float[] Score { get; set; } = [];
}
