namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET input row at prediction time (the vector size is set by a schema definition).</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];
}
