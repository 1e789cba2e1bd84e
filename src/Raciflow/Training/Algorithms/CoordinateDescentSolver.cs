namespace Raciflow.Training.Algorithms;

/// <summary>
/// Cyclic coordinate descent for the elastic net, following scikit-learn's enet_coordinate_descent: it minimises
/// (1/(2n))‖y − Xw‖² + α·ρ‖w‖₁ + α(1 − ρ)/2·‖w‖² on a centred design and stops when the largest coordinate step is
/// small relative to the largest coefficient and the duality gap is below tol·‖y‖².
/// </summary>
internal static class CoordinateDescentSolver
{
    public static CoordinateDescentResult Solve(CenteredDesign design, double alpha, double l1Ratio, int maxIterations, double tolerance, CancellationToken cancellationToken)
    {
        var n = design.Rows;
        var p = design.Columns;
        var columns = ColumnMajor(design);
        var y = design.Y;
        var w = new double[p];
        var yNorm2 = Dot(y, y);
        if (yNorm2 == 0)
        {
            return new CoordinateDescentResult(w, 0, true); // constant labels: every coefficient is zero
        }

        // scikit-learn's scaling: the objective multiplied by n.
        var l1 = alpha * l1Ratio * n;
        var l2 = alpha * (1 - l1Ratio) * n;
        var norms = new double[p];
        for (var j = 0; j < p; j++)
        {
            norms[j] = Dot(columns[j], columns[j]);
        }

        var residual = (double[])y.Clone();
        var gapTolerance = tolerance * yNorm2;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (wMax, stepMax) = Sweep(columns, norms, w, residual, l1, l2);
            var last = iteration == maxIterations - 1;
            if (wMax == 0 || stepMax / wMax < tolerance || last)
            {
                if (DualityGap(columns, w, residual, y, l1, l2) < gapTolerance)
                {
                    return new CoordinateDescentResult(w, iteration + 1, true);
                }
            }
        }

        return new CoordinateDescentResult(w, maxIterations, false);
    }

    private static (double WMax, double StepMax) Sweep(double[][] columns, double[] norms, double[] w, double[] residual, double l1, double l2)
    {
        var wMax = 0.0;
        var stepMax = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            if (norms[j] == 0)
            {
                continue;
            }

            var old = w[j];
            var column = columns[j];
            if (old != 0)
            {
                AddScaled(residual, column, old);
            }

            var rho = Dot(column, residual);
            w[j] = Math.Sign(rho) * Math.Max(Math.Abs(rho) - l1, 0) / (norms[j] + l2);
            if (w[j] != 0)
            {
                AddScaled(residual, column, -w[j]);
            }

            stepMax = Math.Max(stepMax, Math.Abs(w[j] - old));
            wMax = Math.Max(wMax, Math.Abs(w[j]));
        }

        return (wMax, stepMax);
    }

    /// <summary>The elastic-net duality gap (scikit-learn's formula), an upper bound on how far the objective is from its minimum.</summary>
    private static double DualityGap(double[][] columns, double[] w, double[] residual, double[] y, double l1, double l2)
    {
        var dualNorm = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            dualNorm = Math.Max(dualNorm, Math.Abs(Dot(columns[j], residual) - (l2 * w[j])));
        }

        var rNorm2 = Dot(residual, residual);
        var wNorm2 = Dot(w, w);
        double scale;
        double gap;
        if (dualNorm > l1)
        {
            scale = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + (rNorm2 * scale * scale));
        }
        else
        {
            scale = 1.0;
            gap = rNorm2;
        }

        var l1Norm = w.Sum(Math.Abs);
        return gap + (l1 * l1Norm) - (scale * Dot(residual, y)) + (0.5 * l2 * (1 + (scale * scale)) * wNorm2);
    }

    private static double[][] ColumnMajor(CenteredDesign design)
    {
        var columns = new double[design.Columns][];
        for (var j = 0; j < design.Columns; j++)
        {
            var column = new double[design.Rows];
            for (var i = 0; i < design.Rows; i++)
            {
                column[i] = design.X[(i * design.Columns) + j];
            }

            columns[j] = column;
        }

        return columns;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => VectorMath.Dot(a, b);

    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += factor * source[i];
        }
    }
}
