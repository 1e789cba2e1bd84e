using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Tests.Monitoring;

public sealed class DoubleRadixSortTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(5000)]
    [InlineData(100_000)]
    public void SortsLikeArraySortIncludingNegativesTiesAndExtremes(int length)
    {
        var random = new Random(length);
        double[] specials = [0.0, -0.0, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 1e-300, -1e300, 42, 42];
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (i % 7) switch
            {
                0 => specials[random.Next(specials.Length)],
                1 => Math.Round(random.NextDouble() * 10), // many ties
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-20, 20)),
            };
        }

        var expected = (double[])values.Clone();
        Array.Sort(expected);

        DoubleRadixSort.Sort(values);

        Assert.Equal(expected, values);
        for (var i = 1; i < values.Length; i++)
        {
            Assert.True(values[i - 1] <= values[i], $"out of order at {i}");
        }
    }

    [Fact]
    public void ValuesThatShareTheirHighBitsStillSort()
    {
        // Integers 0..9999 as doubles share exponent and sign bits: the skipped passes must not lose order.
        var values = Enumerable.Range(0, 10_000).Select(i => (double)((i * 7919) % 10_000)).ToArray();
        DoubleRadixSort.Sort(values);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (double)i), values);
    }
}
