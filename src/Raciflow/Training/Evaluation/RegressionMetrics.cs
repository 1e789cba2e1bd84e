namespace Raciflow.Training.Evaluation;

/// <summary>R², mean absolute error, root mean squared error and mean absolute percentage error (as a fraction).</summary>
public sealed record RegressionMetrics(double R2, double Mae, double Rmse, double Mape)
{
    /// <summary>
    /// Metrics of <paramref name="predicted"/> against <paramref name="actual"/>. R² is 1 − SS_res/SS_tot (NaN for a
    /// constant target); MAPE skips rows whose actual value is 0 (NaN when all are).
    /// </summary>
    public static RegressionMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length || actual.Length == 0)
        {
            throw new ArgumentException($"Need equally many actual and predicted values (got {actual.Length} and {predicted.Length}), at least one.", nameof(predicted));
        }

        double mean = 0;
        foreach (var y in actual)
        {
            mean += y;
        }

        mean /= actual.Length;
        double ssRes = 0, ssTot = 0, abs = 0, pct = 0;
        var pctRows = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var e = actual[i] - predicted[i];
            ssRes += e * e;
            ssTot += (actual[i] - mean) * (actual[i] - mean);
            abs += Math.Abs(e);
            if (actual[i] != 0)
            {
                pct += Math.Abs(e / actual[i]);
                pctRows++;
            }
        }

        return new RegressionMetrics(
            ssTot == 0 ? double.NaN : 1 - (ssRes / ssTot),
            abs / actual.Length,
            Math.Sqrt(ssRes / actual.Length),
            pctRows == 0 ? double.NaN : pct / pctRows);
    }

    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["r2"] = R2,
        ["mae"] = Mae,
        ["rmse"] = Rmse,
        ["mape"] = Mape,
    };
}
