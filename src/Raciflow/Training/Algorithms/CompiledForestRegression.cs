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
    // Nodes of every tree, flattened: a child >= 0 is a node index, a child < 0 is ~(index into _leafValues).
    private readonly int[] _features;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValues;

    /// <summary>Per tree: its root node, or ~leaf for a tree without splits (which ML.NET scores as 0).</summary>
    private readonly int[] _roots;
    private readonly bool[] _empty;

    private CompiledForestRegression(int[] features, float[] thresholds, int[] left, int[] right, double[] leafValues, int[] roots, bool[] empty)
    {
        _features = features;
        _thresholds = thresholds;
        _left = left;
        _right = right;
        _leafValues = leafValues;
        _roots = roots;
        _empty = empty;
    }

    /// <summary>The compiled forest when <paramref name="transformer"/> is a FastForest regression without categorical splits; null otherwise.</summary>
    public static CompiledForestRegression? TryCreate(ITransformer transformer)
    {
        if (ModelParameters(transformer) is not FastForestRegressionModelParameters forest)
        {
            return null;
        }

        var trees = forest.TrainedTreeEnsemble.Trees;
        int nodes = 0, leaves = 0;
        foreach (var tree in trees)
        {
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                return null;
            }

            nodes += tree.NumberOfNodes;
            leaves += tree.NumberOfLeaves;
        }

        var features = new int[nodes];
        var thresholds = new float[nodes];
        var left = new int[nodes];
        var right = new int[nodes];
        var leafValues = new double[leaves];
        var roots = new int[trees.Count];
        var empty = new bool[trees.Count];
        int nodeBase = 0, leafBase = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            empty[t] = tree.NumberOfNodes == 0;
            roots[t] = nodeBase;
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                features[nodeBase + n] = tree.NumericalSplitFeatureIndexes[n];
                thresholds[nodeBase + n] = tree.NumericalSplitThresholds[n];
                left[nodeBase + n] = Rebase(tree.LeftChild[n], nodeBase, leafBase);
                right[nodeBase + n] = Rebase(tree.RightChild[n], nodeBase, leafBase);
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                leafValues[leafBase + l] = tree.LeafValues[l];
            }

            nodeBase += tree.NumberOfNodes;
            leafBase += tree.NumberOfLeaves;
        }

        return new CompiledForestRegression(features, thresholds, left, right, leafValues, roots, empty);
    }

    /// <summary>The forest's score for one row, or false when the row holds a NaN (the caller asks ML.NET then).</summary>
    public bool TryPredict(ReadOnlySpan<double> row, Span<float> scratch, out double score)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var value = (float)row[i];
            if (float.IsNaN(value))
            {
                score = double.NaN;
                return false;
            }

            scratch[i] = value;
        }

        score = Score(scratch[..row.Length]);
        return true;
    }

    private double Score(ReadOnlySpan<float> row)
    {
        var splitFeatures = _features;
        var thresholds = _thresholds;
        var left = _left;
        var right = _right;
        double sum = 0;
        for (var t = 0; t < _roots.Length; t++)
        {
            if (_empty[t])
            {
                continue;
            }

            var node = _roots[t];
            while (node >= 0)
            {
                node = row[splitFeatures[node]] <= thresholds[node] ? left[node] : right[node];
            }

            sum += _leafValues[~node];
        }

        // As FastForestRegressionModelParameters.Map: the sum narrowed to float, then a float division.
        return (float)sum / _roots.Length;
    }

    private static int Rebase(int child, int nodeBase, int leafBase) => child >= 0 ? child + nodeBase : ~(~child + leafBase);

    private static object? ModelParameters(ITransformer transformer) => transformer switch
    {
        ISingleFeaturePredictionTransformer<object> single => single.Model,
        TransformerChain<ITransformer> chain when chain.Count() == 1 => ModelParameters(chain.Single()),
        _ => null,
    };
}
