using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// A fitted ML.NET FastForest regression evaluated straight from its exported trees, without ML.NET's data views or
/// prediction engines (which cost a float[] and a cursor step per row, several times the trees' own work). It
/// reproduces ML.NET's arithmetic exactly: features cast to float, <c>feature &lt;= threshold</c> goes left, leaf
/// values summed in double tree by tree, then <c>(float)sum / trees</c>. Rows with a NaN feature (ML.NET may
/// substitute a per-node default we cannot see) and forests with categorical splits are left to ML.NET.
/// </summary>
internal sealed class CompiledForestRegression
{
    /// <summary>Rows walked through one tree before the next: the tree stays in cache and the rows' walks overlap in the CPU.</summary>
    private const int BlockRows = 64;

    // Every tree's splits and leaves as nodes of one array. A leaf is a node whose both children are itself (and whose
    // threshold, +∞, sends any number left), so a walk of a tree's full depth needs no "is this a leaf" branch.
    private readonly Node[] _nodes;

    /// <summary>Leaf values by node index (0 for splits).</summary>
    private readonly double[] _values;

    /// <summary>Per tree with splits, its root node and depth (trees without splits score 0 in ML.NET and are dropped).</summary>
    private readonly int[] _roots;
    private readonly int[] _depths;

    /// <summary>All trees, the divisor of the average (empty ones included, as in ML.NET).</summary>
    private readonly int _treeCount;

    /// <summary>The row width the split feature indices were checked against (the walk reads rows unchecked).</summary>
    private readonly int _featureCount;

    private CompiledForestRegression(Node[] nodes, double[] values, int[] roots, int[] depths, int treeCount, int featureCount)
    {
        _featureCount = featureCount;
        _nodes = nodes;
        _values = values;
        _roots = roots;
        _depths = depths;
        _treeCount = treeCount;
    }

    /// <summary>
    /// The compiled forest when <paramref name="transformer"/> is a FastForest regression over
    /// <paramref name="featureCount"/> features without categorical splits; null otherwise.
    /// </summary>
    public static CompiledForestRegression? TryCreate(ITransformer transformer, int featureCount)
    {
        if (ModelParameters(transformer) is not FastForestRegressionModelParameters forest)
        {
            return null;
        }

        var trees = forest.TrainedTreeEnsemble.Trees;
        if (trees.Count == 0 || trees.Any(t => t.CategoricalSplitFlags.Any(f => f) || t.NumericalSplitFeatureIndexes.Any(f => f < 0 || f >= featureCount)))
        {
            return null;
        }

        var nodes = new List<Node>();
        var values = new List<double>();
        var roots = new List<int>();
        var depths = new List<int>();
        foreach (var tree in trees)
        {
            if (tree.NumberOfNodes == 0)
            {
                continue;
            }

            // Splits keep their numbers (offset by the tree's base); leaf l follows them as node NumberOfNodes + l.
            var nodeBase = nodes.Count;
            var leafBase = nodeBase + tree.NumberOfNodes;
            int Child(int child) => child >= 0 ? nodeBase + child : leafBase + ~child;
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                nodes.Add(new Node
                {
                    Feature = tree.NumericalSplitFeatureIndexes[n],
                    Threshold = tree.NumericalSplitThresholds[n],
                    Left = Child(tree.LeftChild[n]),
                    Right = Child(tree.RightChild[n]),
                });
                values.Add(0);
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                nodes.Add(new Node { Feature = 0, Threshold = float.PositiveInfinity, Left = leafBase + l, Right = leafBase + l });
                values.Add(tree.LeafValues[l]);
            }

            roots.Add(nodeBase);
            depths.Add(Depth(tree, 0));
        }

        return new CompiledForestRegression([.. nodes], [.. values], [.. roots], [.. depths], trees.Count, featureCount);
    }

    /// <summary>One row's score, or false when the row holds a NaN (the caller asks ML.NET then). Allocates nothing for rows of up to 256 features.</summary>
    public bool TryPredict(ReadOnlySpan<double> row, out double score)
    {
        CheckWidth(row.Length);
        var rented = row.Length <= 256 ? null : ArrayPool<float>.Shared.Rent(row.Length);
        try
        {
            var floats = rented is null ? stackalloc float[row.Length] : rented.AsSpan(0, row.Length);
            for (var i = 0; i < row.Length; i++)
            {
                floats[i] = (float)row[i];
            }

            if (HasNaN(floats))
            {
                score = double.NaN;
                return false;
            }

            Span<double> sum = [0];
            Walk(floats, row.Length, 1, sum);
            score = (float)sum[0] / _treeCount;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Scores every row of <paramref name="features"/> into <paramref name="output"/>; a row holding a NaN is scored
    /// by <paramref name="unscorable"/> (given the row index) instead.
    /// </summary>
    public void PredictBatch(FeatureMatrix features, Span<double> output, Func<int, double> unscorable)
    {
        var rows = features.Rows;
        var width = features.Columns;
        var values = features.Values;
        CheckWidth(width);
        var floats = ArrayPool<float>.Shared.Rent(Math.Min(rows, BlockRows) * width);
        try
        {
            Span<double> sums = stackalloc double[BlockRows];
            for (var start = 0; start < rows; start += BlockRows)
            {
                var count = Math.Min(BlockRows, rows - start);
                var block = floats.AsSpan(0, count * width);
                var source = values.AsSpan(start * width, count * width);
                for (var i = 0; i < block.Length; i++)
                {
                    block[i] = (float)source[i];
                }

                sums[..count].Clear();
                Walk(block, width, count, sums);
                for (var r = 0; r < count; r++)
                {
                    // As FastForestRegressionModelParameters.Map: the sum narrowed to float, then a float division.
                    output[start + r] = HasNaN(block.Slice(r * width, width))
                        ? unscorable(start + r)
                        : (float)sums[r] / _treeCount;
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(floats);
        }
    }

    /// <summary>
    /// Adds each tree's leaf value to each row's sum, tree after tree (ML.NET's summation order). Four rows walk a
    /// tree together, each for the tree's full depth: the steps are branch-free and independent, so the CPU overlaps
    /// them instead of waiting on one row's chain of loads (and mispredicting where each walk ends).
    /// </summary>
    private void Walk(ReadOnlySpan<float> block, int width, int count, Span<double> sums)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var rows = ref MemoryMarshal.GetReference(block);
        for (var t = 0; t < _roots.Length; t++)
        {
            var root = _roots[t];
            var depth = _depths[t];
            var r = 0;
            for (; r + 4 <= count; r += 4)
            {
                ref var row0 = ref Unsafe.Add(ref rows, r * width);
                ref var row1 = ref Unsafe.Add(ref row0, width);
                ref var row2 = ref Unsafe.Add(ref row1, width);
                ref var row3 = ref Unsafe.Add(ref row2, width);
                int n0 = root, n1 = root, n2 = root, n3 = root;
                for (var d = 0; d < depth; d++)
                {
                    n0 = Step(ref nodes, n0, ref row0);
                    n1 = Step(ref nodes, n1, ref row1);
                    n2 = Step(ref nodes, n2, ref row2);
                    n3 = Step(ref nodes, n3, ref row3);
                }

                sums[r] += _values[n0];
                sums[r + 1] += _values[n1];
                sums[r + 2] += _values[n2];
                sums[r + 3] += _values[n3];
            }

            for (; r < count; r++)
            {
                ref var row = ref Unsafe.Add(ref rows, r * width);
                var node = root;
                for (var d = 0; d < depth; d++)
                {
                    node = Step(ref nodes, node, ref row);
                }

                sums[r] += _values[node];
            }
        }
    }

    /// <summary>
    /// One branch-free step down a tree: left when <c>feature &lt;= threshold</c>, as ML.NET. Unchecked reads are safe:
    /// feature indices were checked against the row width and every child is a node of the array.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, int node, ref float row)
    {
        ref var split = ref Unsafe.Add(ref nodes, node);
        return Unsafe.Add(ref split.Left, Unsafe.Add(ref row, split.Feature) <= split.Threshold ? 0 : 1);
    }

    /// <summary>Edges on the longest path from <paramref name="node"/> to a leaf.</summary>
    private static int Depth(RegressionTreeBase tree, int node) =>
        node < 0 ? 0 : 1 + Math.Max(Depth(tree, tree.LeftChild[node]), Depth(tree, tree.RightChild[node]));

    private void CheckWidth(int width)
    {
        if (width != _featureCount)
        {
            throw new ArgumentException($"The forest was compiled for rows of {_featureCount} features, not {width}.", nameof(width));
        }
    }

    private static bool HasNaN(ReadOnlySpan<float> row)
    {
        foreach (var value in row)
        {
            if (float.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    private static object? ModelParameters(ITransformer transformer) => transformer switch
    {
        ISingleFeaturePredictionTransformer<object> single => single.Model,
        TransformerChain<ITransformer> chain when chain.Count() == 1 => ModelParameters(chain.Single()),
        _ => null,
    };

    /// <summary>A split (or a leaf pointing at itself); Left and Right are adjacent so a step indexes them.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public int Feature;
        public float Threshold;
        public int Left;
        public int Right;
    }
}
