namespace Raciflow.Training.Algorithms;

/// <summary>
/// How a CART tree grows (scikit-learn's names): depth and size limits, and the fraction of features drawn at each
/// node (below 1 for random forests).
/// </summary>
internal sealed record CartTreeOptions
{
    public required SplitCriterion Criterion { get; init; }

    public int MaxDepth { get; init; } = int.MaxValue;

    public int MinSamplesSplit { get; init; } = 2;

    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Fraction of features tried per node: max(1, ⌊fraction·p⌋), as scikit-learn reads a float max_features.</summary>
    public double MaxFeatures { get; init; } = 1.0;
}
