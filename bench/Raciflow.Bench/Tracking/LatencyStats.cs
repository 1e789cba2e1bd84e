using System.Globalization;

namespace Raciflow.Bench.Tracking;

/// <summary>Percentiles of a set of timings (nearest-rank), in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double Mean, double P50, double P90, double P99, double Max)
{
    public static LatencyStats Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, sorted.Average(), Rank(0.50), Rank(0.90), Rank(0.99), sorted[^1]);
    }

    public string Row(string what) => string.Create(CultureInfo.InvariantCulture, $"| {what} | {Count} | {P50:0.000} | {P90:0.000} | {P99:0.000} | {Mean:0.000} | {Max:0.000} |");
}
