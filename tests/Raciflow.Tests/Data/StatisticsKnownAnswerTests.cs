using Raciflow.Data;
using Raciflow.Data.Ingestion;

namespace Raciflow.Tests.Data;

public sealed class StatisticsKnownAnswerTests
{
    [Fact]
    public void QuartilesInterpolateBetweenOrderStatisticsLikeNumPy()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.75, Quantiles.Of(sorted, 0.25));
        Assert.Equal(2.5, Quantiles.Of(sorted, 0.5));
        Assert.Equal(3.25, Quantiles.Of(sorted, 0.75));
        Assert.Null(Quantiles.Of([], 0.5));
    }

    [Fact]
    public void NumericStatisticsMatchHandComputedValues()
    {
        var builder = new ColumnStatisticsBuilder(new ColumnSchema("x", ColumnType.Numeric, true));
        foreach (var v in new double[] { 2, 4, 4, 4, 5, 5, 7, 9 })
        {
            builder.AddNumber(v);
        }

        builder.AddMissing();
        builder.AddInvalid(12, "abc");
        var s = builder.Build();

        Assert.Equal(10, s.Count);
        Assert.Equal(1, s.Missing);
        Assert.Equal(1, s.Invalid);
        Assert.Equal(new InvalidValue(12, "abc"), Assert.Single(s.InvalidExamples));
        Assert.Equal(5, s.Distinct);
        Assert.Equal(2, s.Min);
        Assert.Equal(9, s.Max);
        Assert.Equal(5, s.Mean);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.StdDev!.Value, 12);
        Assert.Equal(4, s.Q1);
        Assert.Equal(4.5, s.Median);
        Assert.Equal(5.5, s.Q3);
    }

    [Fact]
    public void TopValuesAreCountedMostFrequentFirst()
    {
        var builder = new ColumnStatisticsBuilder(new ColumnSchema("c", ColumnType.Categorical, false));
        foreach (var v in "b a b c b a".Split(' '))
        {
            builder.AddString(v);
        }

        var s = builder.Build();
        Assert.Equal([new ValueCount("b", 3), new ValueCount("a", 2), new ValueCount("c", 1)], s.TopValues);
        Assert.Equal(3, s.Distinct);
        Assert.Null(s.Mean);
    }

    [Fact]
    public void TheReservoirKeepsEveryValueWhenFewAndABoundedSampleWhenMany()
    {
        var small = new ReservoirSample(100);
        foreach (var v in Enumerable.Range(0, 50))
        {
            small.Add(49 - v);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (double)i), small.Sorted());

        var large = new ReservoirSample(1000);
        for (var i = 0; i < 100_000; i++)
        {
            large.Add(i);
        }

        var sample = large.Sorted();
        Assert.Equal(1000, sample.Length);

        // A uniform sample of 0..99999 has its median near 50000 (standard error about 1600).
        Assert.InRange(Quantiles.Of(sample, 0.5)!.Value, 42_000, 58_000);
    }

    [Fact]
    public void TheReservoirDrawsEvenlyFromEveryPartOfALongStream()
    {
        // Algorithm L skips values between replacements; a wrong skip length would favour the start or the end.
        var sample = new ReservoirSample(2000);
        for (var i = 0; i < 1_000_000; i++)
        {
            sample.Add(i);
        }

        var tenths = sample.Sorted().GroupBy(v => (int)(v / 100_000)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, tenths.Count);

        // 200 expected per tenth, standard deviation about 13.
        Assert.All(tenths.Values, count => Assert.InRange(count, 140, 260));
        Assert.Equal(sample.Sorted(), Fill(new ReservoirSample(2000)).Sorted());
    }

    private static ReservoirSample Fill(ReservoirSample sample)
    {
        for (var i = 0; i < 1_000_000; i++)
        {
            sample.Add(i);
        }

        return sample;
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("null")]
    [InlineData("NaN")]
    [InlineData("None")]
    [InlineData("NULL")]
    [InlineData("nan")]
    [InlineData("<NA>")]
    [InlineData("#N/A")]
    [InlineData("?")]
    [InlineData("  ")]
    [InlineData("N/A")]
    [InlineData("#NA")]
    [InlineData("-NaN")]
    [InlineData("-nan")]
    [InlineData(" NA ")]
    [InlineData("\tnull")]
    [InlineData("None ")]
    public void MissingTokensAreMissing(string token) => Assert.True(MissingValues.IsMissing(token));

    [Theory]
    [InlineData("0")]
    [InlineData("Nat")]
    [InlineData("none of them")]
    [InlineData("none")] // the exam-scores data's test_preparation_course: a category, as pandas reads it
    [InlineData("Na")]
    [InlineData("NULL!")]
    [InlineData("-1")]
    [InlineData("A")]
    [InlineData("n")]
    [InlineData("#")]
    [InlineData("<5")]
    [InlineData("-")]
    [InlineData("nana")]
    public void OrdinaryValuesAreNotMissing(string token) => Assert.False(MissingValues.IsMissing(token));

    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2024-02-29T13:45:00", 2024, 2, 29)]
    [InlineData("2024-02-29 13:45:00", 2024, 2, 29)]
    [InlineData("02/29/2024", 2024, 2, 29)]
    [InlineData("29.02.2024", 2024, 2, 29)]
    public void CommonDateFormatsParse(string text, int year, int month, int day)
    {
        Assert.True(ValueParsers.TryParseDateTime(text, out var value));
        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(value));
    }

    [Theory]
    [InlineData("2024-02-29 13:45:10")]
    [InlineData("2024-02-29T13:45:10")]
    [InlineData("2024-02-29T13:45:10Z")]
    [InlineData("02/29/2024 13:45:10")]
    public void TimestampsKeepTheirTimeOfDay(string text)
    {
        Assert.True(ValueParsers.TryParseDateTime(text, out var value));
        Assert.Equal(new DateTime(2024, 2, 29, 13, 45, 10), value);
    }

    [Theory]
    [InlineData("2024-02-29 24:00:00")]
    [InlineData("2023-02-29")]
    [InlineData("2024")]
    [InlineData("12.5")]
    public void NonDatesDoNotParseAsDates(string text) => Assert.False(ValueParsers.TryParseDateTime(text, out _));
}
