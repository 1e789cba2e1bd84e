namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET training row for multiclass classification: the label is a 1-based key (0 means missing in ML.NET).</summary>
internal sealed class MulticlassRow
{
    public float[] Features { get; set; } = [];

    public uint Label { get; set; }

    public float Weight { get; set; }
}
