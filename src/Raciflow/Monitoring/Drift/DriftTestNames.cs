namespace Raciflow.Monitoring.Drift;

/// <summary>The names of drift tests as written in raciflow.yaml and reports, and what their thresholds mean.</summary>
public static class DriftTestNames
{
    private static readonly Dictionary<string, DriftTest> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ks"] = DriftTest.KolmogorovSmirnov,
        ["chisquare"] = DriftTest.ChiSquare,
        ["z"] = DriftTest.ZTest,
        ["wasserstein"] = DriftTest.Wasserstein,
        ["jensenshannon"] = DriftTest.JensenShannon,
        ["psi"] = DriftTest.Psi,
    };

    public static string AllNames => string.Join(", ", ByName.Keys);

    public static string Name(this DriftTest test) => test switch
    {
        DriftTest.KolmogorovSmirnov => "ks",
        DriftTest.ChiSquare => "chisquare",
        DriftTest.ZTest => "z",
        DriftTest.Wasserstein => "wasserstein",
        DriftTest.JensenShannon => "jensenshannon",
        DriftTest.Psi => "psi",
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, null),
    };

    /// <summary>True when the test yields a p-value (drift below the threshold); false for distances (drift at or above it).</summary>
    public static bool IsHypothesisTest(this DriftTest test) => test is DriftTest.KolmogorovSmirnov or DriftTest.ChiSquare or DriftTest.ZTest;

    /// <summary>0.05 for p-values, 0.1 for distances and PSI (Evidently's defaults).</summary>
    public static double DefaultThreshold(this DriftTest test) => test.IsHypothesisTest() ? 0.05 : 0.1;

    public static DriftTest Parse(string name, string location) =>
        ByName.TryGetValue(name.Trim(), out var test)
            ? test
            : throw RaciflowException.Invalid($"{location}: unknown drift test '{name}'; use one of {AllNames}.", location);
}
