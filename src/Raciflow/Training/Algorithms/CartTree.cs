namespace Raciflow.Training.Algorithms;

/// <summary>
/// A fitted binary tree in flat arrays: node k splits on <c>Feature[k]</c> (x ≤ Threshold goes left) or is a leaf
/// (Feature = −1) whose prediction is <c>Values[k·Width .. (k+1)·Width)</c>: the mean for regression, class
/// frequencies for classification. Immutable, so safe to share between threads.
/// </summary>
internal sealed class CartTree
{
    public CartTree(int width, int[] feature, double[] threshold, int[] left, int[] right, double[] values)
    {
        Width = width;
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Values = values;
    }

    public int Width { get; }

    public int[] Feature { get; }

    public double[] Threshold { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    public double[] Values { get; }

    public int NodeCount => Feature.Length;

    public int Depth => ComputeDepth();

    /// <summary>The prediction of the leaf the row falls in (no copy).</summary>
    public ReadOnlySpan<double> Leaf(ReadOnlySpan<double> row)
    {
        var node = 0;
        while (Feature[node] >= 0)
        {
            node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return Values.AsSpan(node * Width, Width);
    }

    /// <summary>The class a classification tree picks: the most frequent, the lowest index on ties.</summary>
    public int PredictClass(ReadOnlySpan<double> row)
    {
        var leaf = Leaf(row);
        var best = 0;
        for (var c = 1; c < leaf.Length; c++)
        {
            if (leaf[c] > leaf[best])
            {
                best = c;
            }
        }

        return best;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Width);
        ModelFormat.WriteInts(writer, Feature);
        ModelFormat.WriteDoubles(writer, Threshold);
        ModelFormat.WriteInts(writer, Left);
        ModelFormat.WriteInts(writer, Right);
        ModelFormat.WriteDoubles(writer, Values);
    }

    public static CartTree Read(BinaryReader reader, string algorithm)
    {
        var width = ModelFormat.ReadCount(reader, 1);
        var tree = new CartTree(width, ModelFormat.ReadInts(reader), ModelFormat.ReadDoubles(reader), ModelFormat.ReadInts(reader), ModelFormat.ReadInts(reader), ModelFormat.ReadDoubles(reader));
        var n = tree.NodeCount;
        var consistent = n > 0 && tree.Threshold.Length == n && tree.Left.Length == n && tree.Right.Length == n && tree.Values.Length == n * width;

        // Children always come after their parent, so a walk from the root cannot loop.
        for (var k = 0; consistent && k < n; k++)
        {
            consistent = tree.Feature[k] < 0 || (tree.Left[k] > k && tree.Left[k] < n && tree.Right[k] > k && tree.Right[k] < n);
        }

        return consistent ? tree : throw ModelFormat.Corrupt(algorithm, "its tree nodes are inconsistent");
    }

    /// <summary>Checks that every split feature exists in a row of the given width.</summary>
    public bool FitsColumns(int columns) => Feature.All(f => f < columns);

    /// <summary>Children come after parents, so one forward pass assigns every node its depth (no recursion on a loaded tree).</summary>
    private int ComputeDepth()
    {
        var depth = new int[NodeCount];
        var deepest = 0;
        for (var k = 0; k < NodeCount; k++)
        {
            deepest = Math.Max(deepest, depth[k]);
            if (Feature[k] >= 0)
            {
                depth[Left[k]] = depth[k] + 1;
                depth[Right[k]] = depth[k] + 1;
            }
        }

        return deepest;
    }
}
