namespace Raciflow.Training;

/// <summary>
/// Row indices of a frame for training, validation and test. Training and tuning only ever read the training
/// rows; validation rows rank the algorithms; test rows are scored once, at the end.
/// </summary>
public sealed record SplitIndices(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test)
{
    /// <summary>A seeded random split (validation and test taken from a shuffled order, the rest for training).</summary>
    public static SplitIndices Shuffled(int rows, double validationFraction, double testFraction, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var test = (int)Math.Round(rows * testFraction);
        var validation = (int)Math.Round(rows * validationFraction);
        return new SplitIndices(order[(test + validation)..], order[test..(test + validation)], order[..test]);
    }
}
