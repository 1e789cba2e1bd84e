namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET output row for binary classification: the calibrated probability of class 1.</summary>
internal sealed class ProbabilityOutput
{
    public float Probability { get; set; }
}
