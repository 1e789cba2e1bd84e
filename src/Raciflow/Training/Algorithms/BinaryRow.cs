namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET training row for binary classification (label true = class index 1).</summary>
internal sealed class BinaryRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; }
}
