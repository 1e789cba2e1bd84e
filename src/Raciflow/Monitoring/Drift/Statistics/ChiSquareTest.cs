using MathNet.Numerics;

namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// Pearson's chi-square test of homogeneity on the 2×k table of reference and current counts per category, as
/// scipy.stats.chi2_contingency: statistic Σ(O − E)²/E, dof = k − 1, p-value from the regularised upper incomplete
/// gamma function (MathNet), and Yates' continuity correction when dof = 1 (scipy's default, correction=True).
/// </summary>
public static class ChiSquareTest
{
    /// <summary>Tests two count vectors over the same categories; categories empty on both sides are ignored.</summary>
    public static TestResult Test(ReadOnlySpan<long> reference, ReadOnlySpan<long> current, bool yatesCorrection = true)
    {
        if (reference.Length != current.Length)
        {
            throw new ArgumentException("Reference and current counts must cover the same categories.");
        }

        double n1 = 0, n2 = 0;
        var categories = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            n1 += reference[i];
            n2 += current[i];
            if (reference[i] + current[i] > 0)
            {
                categories++;
            }
        }

        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("The chi-square test needs at least one count in each sample.");
        }

        var dof = categories - 1;
        if (dof == 0)
        {
            // One category on both sides: the distributions are identical, there is nothing to test.
            return new TestResult(0, 1, 0);
        }

        var total = n1 + n2;
        var correct = yatesCorrection && dof == 1;
        var statistic = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var column = (double)(reference[i] + current[i]);
            if (column == 0)
            {
                continue;
            }

            statistic += Cell(reference[i], n1 * column / total, correct) + Cell(current[i], n2 * column / total, correct);
        }

        return new TestResult(statistic, SpecialFunctions.GammaUpperRegularized(dof / 2.0, statistic / 2.0), dof);
    }

    private static double Cell(double observed, double expected, bool yates)
    {
        var difference = Math.Abs(observed - expected);
        if (yates)
        {
            difference -= Math.Min(0.5, difference);
        }

        return difference * difference / expected;
    }
}
