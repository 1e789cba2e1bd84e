using MathNet.Numerics.LinearAlgebra;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// Least squares and ridge through the singular value decomposition of the centred design, as numpy.linalg.lstsq
/// and scikit-learn's ridge "svd" solver do. Singular values below ε·max(n, p)·σ_max are treated as zero, so a
/// rank-deficient design (one-hot columns summing to one, duplicated columns) gets the minimum-norm solution.
/// </summary>
internal static class LeastSquaresSolver
{
    /// <summary>2⁻⁵², numpy's finfo(float64).eps, used in its default rcond.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Coefficients minimising ‖y − Xw‖² + α‖w‖² (α = 0: minimum-norm least squares).</summary>
    public static double[] Solve(CenteredDesign design, double alpha)
    {
        var (singular, v, uty) = ThinSvd(design);
        var cutoff = singular.Count == 0 ? 0 : Math.Max(design.Rows, design.Columns) * MachineEpsilon * singular[0];
        var scaled = Vector<double>.Build.Dense(singular.Count);
        for (var k = 0; k < singular.Count; k++)
        {
            var s = singular[k];
            scaled[k] = alpha > 0
                ? s * uty[k] / ((s * s) + alpha)
                : s > cutoff ? uty[k] / s : 0;
        }

        return (v * scaled).ToArray();
    }

    /// <summary>
    /// σ, V (p × r) and Uᵀy of X = UΣVᵀ with r = min(n, p). For tall designs a thin QR first keeps U at n × p
    /// instead of the n × n a full SVD would allocate.
    /// </summary>
    private static (Vector<double> Singular, Matrix<double> V, Vector<double> Uty) ThinSvd(CenteredDesign design)
    {
        var x = Matrix<double>.Build.Dense(design.Rows, design.Columns, (i, j) => design.X[(i * design.Columns) + j]);
        var y = Vector<double>.Build.Dense(design.Y);
        if (design.Rows >= design.Columns)
        {
            var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            var qty = qr.Q.TransposeThisAndMultiply(y);
            var svd = qr.R.Svd(computeVectors: true);
            return (svd.S, svd.VT.Transpose(), svd.U.TransposeThisAndMultiply(qty));
        }

        var wide = x.Svd(computeVectors: true);
        var r = wide.S.Count;
        return (wide.S, wide.VT.Transpose().SubMatrix(0, design.Columns, 0, r), wide.U.TransposeThisAndMultiply(y));
    }
}
