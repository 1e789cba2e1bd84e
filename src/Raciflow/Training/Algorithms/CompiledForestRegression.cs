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

    private readonly Node[] _nodes;
    private readonly double[] _leafValues;

    /// <summary>Per tree with splits, its root node (trees without splits score 0 in ML.NET and are dropped).</summary>
    private readonly int[] _roots;

    /// <summary>All trees, the divisor of the average (empty ones included, as in ML.NET).</summary>
    private readonly int _treeCount;

    /// <summary>The row width the split feature indices were checked against (the walk reads rows unchecked).</summary>
    private readonly int _featureCount;

    private CompiledForestRegression(Node[] nodes, double[] leafValues, int[] roots, int treeCount, int featureCount)
    {
        _featureCount = featureCount;
        _nodes = nodes;
        _leafValues = leafValues;
        _roots = roots;
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

        var nodes = new Node[trees.Sum(t => t.NumberOfNodes)];
        var leafValues = new double[trees.Sum(t => t.NumberOfLeaves)];
        var roots = new List<int>();
        int nodeBase = 0, leafBase = 0;
        foreach (var tree in trees)
        {
            if (tree.NumberOfNodes > 0)
            {
                roots.Add(nodeBase);
            }

            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                nodes[nodeBase + n] = new Node
                {
                    Feature = tree.NumericalSplitFeatureIndexes[n],
                    Threshold = tree.NumericalSplitThresholds[n],
                    Left = Rebase(tree.LeftChild[n], nodeBase, leafBase),
                    Right = Rebase(tree.RightChild[n], nodeBase, leafBase),
                };
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                leafValues[leafBase + l] = tree.LeafValues[l];
            }

            nodeBase += tree.NumberOfNodes;
            leafBase += tree.NumberOfLeaves;
        }

        return new CompiledForestRegression(nodes, leafValues, [.. roots], trees.Count, featureCount);
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

    /// <summary>Adds each tree's leaf value to each row's sum, tree after tree (ML.NET's summation order).</summary>
    private void Walk(ReadOnlySpan<float> block, int width, int count, Span<double> sums)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var firstRow = ref MemoryMarshal.GetReference(block);
        foreach (var root in _roots)
        {
            for (var r = 0; r < count; r++)
            {
                ref var row = ref Unsafe.Add(ref firstRow, r * width);
                var node = root;
                do
                {
                    // Branch-free step (feature indices were checked against the width, children built in range):
                    // a data-dependent branch here would be mispredicted half the time.
                    ref var split = ref Unsafe.Add(ref nodes, node);
                    var right = Unsafe.Add(ref row, split.Feature) <= split.Threshold ? 0 : 1;
                    node = Unsafe.Add(ref split.Left, right);
                }
                while (node >= 0);

                sums[r] += _leafValues[~node];
            }
        }
    }

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

    private static int Rebase(int child, int nodeBase, int leafBase) => child >= 0 ? child + nodeBase : ~(~child + leafBase);

    private static object? ModelParameters(ITransformer transformer) => transformer switch
    {
        ISingleFeaturePredictionTransformer<object> single => single.Model,
        TransformerChain<ITransformer> chain when chain.Count() == 1 => ModelParameters(chain.Single()),
        _ => null,
    };

    /// <summary>A split; a child &gt;= 0 is a node index, a child &lt; 0 is <c>~leaf</c>. Left and Right are adjacent so a step indexes them.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public int Feature;
        public float Threshold;
        public int Left;
        public int Right;
    }
}
