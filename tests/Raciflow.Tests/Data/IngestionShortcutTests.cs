using Raciflow.Data;
using Raciflow.Data.Ingestion;

namespace Raciflow.Tests.Data;

/// <summary>The ingest's speed shortcuts (skipped parses and lookups, sampled dictionary encoding) change no result.</summary>
public sealed class IngestionShortcutTests
{
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
    public async Task UniqueAndRepeatedStringsBeyondTheDictionarySampleReadBackUnchanged()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var rows = ParquetLayout.DictionarySampleSize * 5;

        // The unique column goes unencoded after the sample; the repeated one is dictionary-encoded; the mixed
        // one looks unique in the sample and repeats afterwards.
        var file = ws.WriteUtf8("strings.csv", "unique,repeated,mixed\n" + string.Concat(Enumerable.Range(0, rows)
            .Select(i => $"note {i},g{i % 3},{(i < ParquetLayout.DictionarySampleSize ? $"m{i}" : "same")}\n")));

        var frame = await service.LoadFrameAsync((await service.AddAsync(file, "strings")).Version);

        Assert.Equal(rows, frame.RowCount);
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal($"note {r}", frame["unique"].Format(r));
            Assert.Equal($"g{r % 3}", frame["repeated"].Format(r));
            Assert.Equal(r < ParquetLayout.DictionarySampleSize ? $"m{r}" : "same", frame["mixed"].Format(r));
        }
    }
}
