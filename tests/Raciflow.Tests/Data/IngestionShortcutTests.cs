using Raciflow.Data;
using Raciflow.Data.Ingestion;

namespace Raciflow.Tests.Data;

/// <summary>The ingest's speed shortcuts (skipped parses and lookups, kept copies of repeated strings) change no result.</summary>
public sealed class IngestionShortcutTests
{
    private const int Rows = ColumnStatisticsBuilder.DistinctCap * 2;

    [Fact]
    public void IntegersMixedWithDecimalsAreNumericWithoutFailures()
    {
        var evidence = new ColumnTypeEvidence("x");
        for (var i = 0; i < 3000; i++)
        {
            evidence.Observe(i % 2 == 0 ? $"{i}" : $"{i}.5");
        }

        Assert.Equal(new ColumnSchema("x", ColumnType.Numeric, false), evidence.Decide());
    }

    [Fact]
    public void DecimalsFollowedByIntegersStayNumericOnceIntegerIsRuledOut()
    {
        var evidence = new ColumnTypeEvidence("x");
        for (var i = 0; i < 2000; i++)
        {
            evidence.Observe($"{i}.25");
        }

        for (var i = 0; i < 2000; i++)
        {
            evidence.Observe($" -{i} ");
        }

        Assert.Equal(new ColumnSchema("x", ColumnType.Numeric, false), evidence.Decide());
    }

    [Fact]
    public void IntegersAloneAreIntegers()
    {
        var evidence = new ColumnTypeEvidence("x");
        for (var i = 0; i < 3000; i++)
        {
            evidence.Observe($"{i - 1500}");
        }

        Assert.Equal(new ColumnSchema("x", ColumnType.Integer, false), evidence.Decide());
    }

    [Fact]
    public void DistinctNumbersAreCappedAndRepeatsBelowTheCapAreNot()
    {
        var capped = new ColumnStatisticsBuilder(new ColumnSchema("x", ColumnType.Integer, false));
        var exact = new ColumnStatisticsBuilder(new ColumnSchema("y", ColumnType.Integer, false));
        for (var i = 0; i < ColumnStatisticsBuilder.DistinctCap * 3; i++)
        {
            capped.AddNumber(i);
            exact.AddNumber(i % ColumnStatisticsBuilder.DistinctCap);
        }

        var c = capped.Build();
        var e = exact.Build();
        Assert.Equal((ColumnStatisticsBuilder.DistinctCap, true), (c.Distinct, c.DistinctCapped));
        Assert.Equal((ColumnStatisticsBuilder.DistinctCap, false), (e.Distinct, e.DistinctCapped));
    }

    [Fact]
    public async Task UniqueRepeatedAndMixedStringsReadBackUnchanged()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var rows = Rows;

        // Repeated values are stored from the statistics' kept copies; unique ones, past the distinct cap, from the
        // parsed text; the mixed column is unique for its first half and repeats afterwards.
        var file = ws.WriteUtf8("strings.csv", "unique,repeated,mixed\n" + string.Concat(Enumerable.Range(0, rows)
            .Select(i => $"note {i},g{i % 3},{(i < (Rows / 2) ? $"m{i}" : "same")}\n")));

        var frame = await service.LoadFrameAsync((await service.AddAsync(file, "strings")).Version);

        Assert.Equal(rows, frame.RowCount);
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal($"note {r}", frame["unique"].Format(r));
            Assert.Equal($"g{r % 3}", frame["repeated"].Format(r));
            Assert.Equal(r < (Rows / 2) ? $"m{r}" : "same", frame["mixed"].Format(r));
        }
    }

    [Fact]
    public void RepeatedStringsAreHandedBackAsOneKeptCopyUntilTheDistinctCap()
    {
        var builder = new ColumnStatisticsBuilder(new ColumnSchema("city", ColumnType.Categorical, false));
        var first = builder.AddString("city-1".AsSpan());
        var again = builder.AddString("xcity-1".AsSpan(1));
        Assert.NotNull(first);
        Assert.True(first.Value.Span == again!.Value.Span, "the same kept memory, not a second copy");
        Assert.Equal("city-1", first.Value.ToString());

        for (var i = 2; i <= ColumnStatisticsBuilder.DistinctCap; i++)
        {
            Assert.Equal($"city-{i}", builder.AddString($"city-{i}").ToString());
        }

        Assert.Null(builder.AddString("one too many"));
        Assert.Equal("city-1", builder.AddString("city-1")!.Value.ToString());
        var statistics = builder.Build();
        Assert.True(statistics.DistinctCapped);
        Assert.Equal(new ValueCount("city-1", 3), statistics.TopValues[0]);
    }
}
