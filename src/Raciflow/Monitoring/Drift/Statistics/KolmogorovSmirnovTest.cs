namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test (two-sided). The p-value is asymptotic: Kolmogorov's limiting
/// distribution evaluated at λ = (√nₑ + 0.12 + 0.11/√nₑ)·D with nₑ = n·m/(n+m), Stephens' small-sample correction,
/// as in Numerical Recipes' <c>kstwo</c> and scipy.stats.ks_2samp before scipy 1.3. (Newer scipy evaluates the exact
/// one-sample distribution at round(nₑ); the two agree to about two digits for nₑ ≥ 20.)
/// </summary>
public static class KolmogorovSmirnovTest
{
    /// <summary>Tests two ascending, NaN-free samples.</summary>
    public static TestResult Test(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        if (sortedReference.IsEmpty || sortedCurrent.IsEmpty)
        {
            throw new ArgumentException("The Kolmogorov–Smirnov test needs at least one value in each sample.");
        }

        var d = Statistic(sortedReference, sortedCurrent);
        double n = sortedReference.Length, m = sortedCurrent.Length;
        var rootEn = Math.Sqrt(n * m / (n + m));
        return new TestResult(d, KolmogorovSurvival((rootEn + 0.12 + (0.11 / rootEn)) * d));
    }

    /// <summary>D = sup |F₁(x) − F₂(x)|, evaluated after each distinct value of the merged samples.</summary>
    public static double Statistic(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, j = 0;
        double n = a.Length, m = b.Length, d = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((i / n) - (j / m)));
        }

        // Once one sample is exhausted its CDF is 1 and the other's only climbs towards it: D cannot grow further.
        return d;
    }

    /// <summary>
    /// Q(λ) = P(K &gt; λ) of Kolmogorov's distribution: 2Σ(−1)^(k−1)·exp(−2k²λ²) for λ ≥ 1.18, where it converges in a
    /// few terms, and 1 − (√(2π)/λ)·Σexp(−(2k−1)²π²/(8λ²)) (Jacobi's form) below, where the first series does not.
    /// </summary>
    public static double KolmogorovSurvival(double lambda)
    {
        if (double.IsNaN(lambda))
        {
            return double.NaN;
        }

        if (lambda <= 0)
        {
            return 1;
        }

        double sum = 0;
        if (lambda < 1.18)
        {
            var factor = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (var k = 1; k <= 100; k++)
            {
                var odd = (2 * k) - 1;
                var term = Math.Exp(factor * odd * odd);
                sum += term;
                if (term <= 1e-17 * sum)
                {
                    break;
                }
            }

            return Math.Clamp(1 - (Math.Sqrt(2 * Math.PI) / lambda * sum), 0, 1);
        }

        var sign = 1.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += sign * term;
            if (term <= 1e-17 * Math.Abs(sum))
            {
                break;
            }

            sign = -sign;
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
