namespace Raciflow.Training.Algorithms;

/// <summary>
/// A regression design with the (weighted) column means and label mean removed and each row scaled by
/// √(normalised weight). Fitting on it without an intercept is fitting the weighted problem with an unpenalised
/// intercept, which is how scikit-learn treats the intercept of ordinary least squares, ridge, lasso and elastic net.
/// </summary>
internal sealed class CenteredDesign
{
    private CenteredDesign(double[] x, double[] y, double[] xMean, double yMean, int rows, int columns)
    {
        X = x;
        Y = y;
        XMean = xMean;
        YMean = yMean;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Centred, weight-scaled features, row-major.</summary>
    public double[] X { get; }

    /// <summary>Centred, weight-scaled labels.</summary>
    public double[] Y { get; }

    public double[] XMean { get; }

    public double YMean { get; }

    public int Rows { get; }

    public int Columns { get; }

    public static CenteredDesign From(TrainingData data)
    {
        var n = data.Rows;
        var p = data.Features.Columns;
        var source = data.Features.Values;

        // Weights rescaled to sum to n, so unweighted data has weight 1 per row and the 1/(2n) objective keeps its scale.
        var raw = TrainingDataGuard.WeightsOrOnes(data);
        var total = raw.Sum();
        var weights = raw.Select(w => w * n / total).ToArray();

        var xMean = new double[p];
        var yMean = 0.0;
        for (var i = 0; i < n; i++)
        {
            yMean += weights[i] * data.Labels[i];
            for (var j = 0; j < p; j++)
            {
                xMean[j] += weights[i] * source[(i * p) + j];
            }
        }

        yMean /= n;
        for (var j = 0; j < p; j++)
        {
            xMean[j] /= n;
        }

        var x = new double[n * p];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var scale = Math.Sqrt(weights[i]);
            y[i] = scale * (data.Labels[i] - yMean);
            for (var j = 0; j < p; j++)
            {
                x[(i * p) + j] = scale * (source[(i * p) + j] - xMean[j]);
            }
        }

        return new CenteredDesign(x, y, xMean, yMean, n, p);
    }

    /// <summary>The intercept that goes with coefficients fitted on the centred design.</summary>
    public double Intercept(ReadOnlySpan<double> coefficients)
    {
        var b = YMean;
        for (var j = 0; j < Columns; j++)
        {
            b -= XMean[j] * coefficients[j];
        }

        return b;
    }
}
