namespace Raciflow.Training.Algorithms;

/// <summary>ML.NET training row for multiclass classification: the label is the class index, loaded as a key of the class count.</summary>
internal sealed class MulticlassRow
{
    public float[] Features { get; set; } = [];

    public uint Label { get; set; }

    public float Weight { get; set; }
}
