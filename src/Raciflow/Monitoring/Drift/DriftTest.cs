namespace Raciflow.Monitoring.Drift;

/// <summary>A statistic that decides whether one column drifted. Names in raciflow.yaml are Evidently's.</summary>
public enum DriftTest
{
    /// <summary><c>ks</c>: two-sample Kolmogorov–Smirnov; drift when p &lt; threshold (numeric).</summary>
    KolmogorovSmirnov,

    /// <summary><c>chisquare</c>: chi-square test of homogeneity; drift when p &lt; threshold.</summary>
    ChiSquare,

    /// <summary><c>z</c>: two-proportion z-test; drift when p &lt; threshold (binary columns).</summary>
    ZTest,

    /// <summary><c>wasserstein</c>: Wasserstein-1 distance over the reference standard deviation; drift when ≥ threshold (numeric).</summary>
    Wasserstein,

    /// <summary><c>jensenshannon</c>: Jensen–Shannon distance (base 2); drift when ≥ threshold.</summary>
    JensenShannon,

    /// <summary><c>psi</c>: Population Stability Index; drift when ≥ threshold.</summary>
    Psi,
}
