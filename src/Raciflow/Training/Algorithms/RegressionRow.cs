namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET training row for regression.</summary>
internal sealed class RegressionRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    public float Weight { get; set; }
}
