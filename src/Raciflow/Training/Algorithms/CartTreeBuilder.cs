namespace Raciflow.Training.Algorithms;

/// <summary>
/// Grows a CART tree depth first. At each node every candidate feature's rows are sorted once (O(n log n)) and
/// swept left to right, keeping running weighted sums, so each threshold between two distinct values is scored in
/// O(1) (O(K) for K classes). Like scikit-learn, a node splits whenever it is impure and a split meets the size
/// limits, even one that does not lower impurity (XOR needs that); ties go to the earlier feature and threshold.
/// </summary>
internal sealed class CartTreeBuilder
{
    private readonly FeatureMatrix _x;
    private readonly double[] _y;
    private readonly double[] _w;
    private readonly int _classes;
    private readonly int _width;
    private readonly CartTreeOptions _options;
    private readonly Random _random;
    private readonly CancellationToken _cancellationToken;
    private readonly int[] _index;
    private readonly int[] _sorted;
    private readonly double[] _keys;
    private readonly int[] _featureOrder;
    private readonly double[] _leftCounts;
    private readonly double[] _nodeCounts;
    private readonly List<int> _feature = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<double> _values = [];

    private CartTreeBuilder(FeatureMatrix x, double[] y, double[] w, int classes, CartTreeOptions options, Random random, CancellationToken cancellationToken)
    {
        _x = x;
        _y = y;
        _w = w;
        _classes = classes;
        _width = classes == 0 ? 1 : classes;
        _options = options;
        _random = random;
        _cancellationToken = cancellationToken;
        _index = Enumerable.Range(0, x.Rows).ToArray();
        _sorted = new int[x.Rows];
        _keys = new double[x.Rows];
        _featureOrder = Enumerable.Range(0, x.Columns).ToArray();
        _leftCounts = new double[_width];
        _nodeCounts = new double[_width];
    }

    /// <summary>Fits a tree; <paramref name="classes"/> is 0 for regression, else the number of classes (labels are class indices).</summary>
    public static CartTree Build(FeatureMatrix x, double[] y, double[] weights, int classes, CartTreeOptions options, Random random, CancellationToken cancellationToken = default)
    {
        var builder = new CartTreeBuilder(x, y, weights, classes, options, random, cancellationToken);
        builder.Grow(0, x.Rows, 0);
        return new CartTree(builder._width, [.. builder._feature], [.. builder._threshold], [.. builder._left], [.. builder._right], [.. builder._values]);
    }

    private int Grow(int start, int end, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var node = _feature.Count;
        _feature.Add(-1);
        _threshold.Add(0);
        _left.Add(-1);
        _right.Add(-1);
        var (totalWeight, pure) = AddLeafValue(start, end);
        var count = end - start;
        if (pure || depth >= _options.MaxDepth || count < _options.MinSamplesSplit || count < 2 * _options.MinSamplesLeaf)
        {
            return node;
        }

        if (BestSplit(start, end, totalWeight) is not { } split)
        {
            return node;
        }

        var (feature, threshold) = split;

        var middle = Partition(start, end, feature, threshold);
        _feature[node] = feature;
        _threshold[node] = threshold;
        _left[node] = Grow(start, middle, depth + 1);
        _right[node] = Grow(middle, end, depth + 1);
        return node;
    }

    /// <summary>Appends the node's prediction (weighted mean or class frequencies); also says whether the node is pure.</summary>
    private (double TotalWeight, bool Pure) AddLeafValue(int start, int end)
    {
        Array.Clear(_nodeCounts);
        var total = 0.0;
        var first = _y[_index[start]];
        var pure = true;
        for (var t = start; t < end; t++)
        {
            var i = _index[t];
            total += _w[i];
            _nodeCounts[_classes == 0 ? 0 : (int)_y[i]] += _classes == 0 ? _w[i] * _y[i] : _w[i];
            pure &= _y[i] == first;
        }

        for (var c = 0; c < _width; c++)
        {
            // A node whose rows all weigh zero (possible under boosting) predicts 0 or uniform probabilities.
            _values.Add(total > 0 ? _nodeCounts[c] / total : _classes == 0 ? 0 : 1.0 / _classes);
        }

        return (total, pure);
    }

    private (int Feature, double Threshold)? BestSplit(int start, int end, double totalWeight)
    {
        var p = _x.Columns;
        var tried = Math.Clamp((int)(_options.MaxFeatures * p), 1, p);
        if (tried < p)
        {
            // Partial Fisher–Yates: the first `tried` entries become a uniform random subset.
            for (var j = 0; j < tried; j++)
            {
                var pick = _random.Next(j, p);
                (_featureOrder[j], _featureOrder[pick]) = (_featureOrder[pick], _featureOrder[j]);
            }
        }

        (int Feature, double Threshold)? best = null;
        var bestScore = double.NegativeInfinity;
        for (var j = 0; j < tried; j++)
        {
            var feature = tried < p ? _featureOrder[j] : j;
            var (threshold, score) = BestThreshold(start, end, feature, totalWeight);
            if (score > bestScore)
            {
                bestScore = score;
                best = (feature, threshold);
            }
        }

        return best;
    }

    /// <summary>
    /// The best threshold on one feature and its score: a proxy that grows as the children's summed impurity falls
    /// (−∞ when no threshold is allowed).
    /// </summary>
    private (double Threshold, double Score) BestThreshold(int start, int end, int feature, double totalWeight)
    {
        var count = end - start;
        var columns = _x.Columns;
        var values = _x.Values;
        for (var t = 0; t < count; t++)
        {
            var i = _index[start + t];
            _sorted[t] = i;
            _keys[t] = values[(i * columns) + feature];
        }

        Array.Sort(_keys, _sorted, 0, count);
        if (_keys[0] == _keys[count - 1])
        {
            return (0, double.NegativeInfinity);
        }

        Array.Clear(_leftCounts);
        var leftWeight = 0.0;
        var bestScore = double.NegativeInfinity;
        var bestThreshold = 0.0;
        var minLeaf = _options.MinSamplesLeaf;
        for (var t = 0; t < count - 1; t++)
        {
            var i = _sorted[t];
            leftWeight += _w[i];
            _leftCounts[_classes == 0 ? 0 : (int)_y[i]] += _classes == 0 ? _w[i] * _y[i] : _w[i];
            if (_keys[t] == _keys[t + 1] || t + 1 < minLeaf || count - t - 1 < minLeaf)
            {
                continue;
            }

            var rightWeight = totalWeight - leftWeight;
            if (leftWeight <= 0 || rightWeight <= 0)
            {
                continue;
            }

            var score = Score(leftWeight, rightWeight);
            if (score > bestScore)
            {
                bestScore = score;
                var mid = (_keys[t] / 2) + (_keys[t + 1] / 2);
                bestThreshold = mid >= _keys[t + 1] || double.IsInfinity(mid) ? _keys[t] : mid;
            }
        }

        return (bestThreshold, bestScore);
    }

    /// <summary>
    /// Minus the children's summed impurity up to a constant of the node: Σ S²/W for squared error,
    /// Σ Σ_c n_c²/W for Gini, −Σ (W log W − Σ_c n_c log n_c) for entropy.
    /// </summary>
    private double Score(double leftWeight, double rightWeight)
    {
        if (_options.Criterion == SplitCriterion.SquaredError)
        {
            var leftSum = _leftCounts[0];
            var rightSum = _nodeCounts[0] - leftSum;
            return (leftSum * leftSum / leftWeight) + (rightSum * rightSum / rightWeight);
        }

        var left = 0.0;
        var right = 0.0;
        for (var c = 0; c < _width; c++)
        {
            var l = _leftCounts[c];
            var r = _nodeCounts[c] - l;
            if (_options.Criterion == SplitCriterion.Gini)
            {
                left += l * l;
                right += r * r;
            }
            else
            {
                left += l > 0 ? l * Math.Log(l) : 0;
                right += r > 0 ? r * Math.Log(r) : 0;
            }
        }

        return _options.Criterion == SplitCriterion.Gini
            ? (left / leftWeight) + (right / rightWeight)
            : left + right - (leftWeight * Math.Log(leftWeight)) - (rightWeight * Math.Log(rightWeight));
    }

    /// <summary>Stable partition of the node's rows: x ≤ threshold first. Returns where the right child starts.</summary>
    private int Partition(int start, int end, int feature, double threshold)
    {
        var columns = _x.Columns;
        var values = _x.Values;
        var write = start;
        var spill = 0;
        for (var t = start; t < end; t++)
        {
            var i = _index[t];
            if (values[(i * columns) + feature] <= threshold)
            {
                _index[write++] = i;
            }
            else
            {
                _sorted[spill++] = i;
            }
        }

        Array.Copy(_sorted, 0, _index, write, spill);
        return write;
    }
}
