namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>Turns counts into shares of their total.</summary>
public static class Shares
{
    public static double[] Of(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        var shares = new double[counts.Length];
        if (total == 0)
        {
            return shares;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            shares[i] = (double)counts[i] / total;
        }

        return shares;
    }
}
