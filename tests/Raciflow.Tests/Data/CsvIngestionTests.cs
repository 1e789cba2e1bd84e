using System.Security.Cryptography;
using System.Text;
using Raciflow.Data;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

public sealed class CsvIngestionTests
{
    [Fact]
    public async Task PenguinsAreIngestedWithTypesMissingValuesAndKnownStatistics()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = RepositoryPaths.TestData("penguins.csv");

        var result = await service.AddAsync(file, "penguins");

        Assert.True(result.Created);
        var v = result.Version;
        Assert.Equal(1, v.Number);
        Assert.Null(v.ParentId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), v.Hash);
        Assert.Equal(344, v.RowCount);
        Assert.Equal(7, v.ColumnCount);
        Assert.Equal("csv", v.SourceFormat);
        Assert.Equal("penguins.csv", v.SourceName);
        Assert.Equal("tester", v.CreatedBy);

        var schema = service.GetSchema(v);
        Assert.Equal(
            [
                new ColumnSchema("species", ColumnType.Categorical, false),
                new ColumnSchema("island", ColumnType.Categorical, false),
                new ColumnSchema("beak_length_mm", ColumnType.Numeric, true),
                new ColumnSchema("beak_depth_mm", ColumnType.Numeric, true),
                new ColumnSchema("flipper_length_mm", ColumnType.Integer, true),
                new ColumnSchema("body_mass_g", ColumnType.Integer, true),
                new ColumnSchema("sex", ColumnType.Categorical, true),
            ],
            schema.Columns);

        var stats = service.GetStatistics(v).ToDictionary(s => s.Name);
        var beak = stats["beak_length_mm"];
        Assert.Equal(344, beak.Count);
        Assert.Equal(2, beak.Missing);
        Assert.Equal(0, beak.Invalid);
        Assert.Equal(164, beak.Distinct);
        Assert.Equal(32.1, beak.Min);
        Assert.Equal(59.6, beak.Max);
        Assert.Equal(43.9219298245614, beak.Mean!.Value, 9);
        Assert.Equal(5.4595837139265315, beak.StdDev!.Value, 9);
        Assert.Equal(39.225, beak.Q1!.Value, 9);
        Assert.Equal(44.45, beak.Median!.Value, 9);
        Assert.Equal(48.5, beak.Q3!.Value, 9);

        var mass = stats["body_mass_g"];
        Assert.Equal(4201.754385964912, mass.Mean!.Value, 9);
        Assert.Equal(801.9545356980955, mass.StdDev!.Value, 9);
        Assert.Equal((2700.0, 6300.0), (mass.Min!.Value, mass.Max!.Value));
        Assert.Equal((3550.0, 4050.0, 4750.0), (mass.Q1!.Value, mass.Median!.Value, mass.Q3!.Value));

        Assert.Equal([new ValueCount("Adelie", 152), new ValueCount("Gentoo", 124), new ValueCount("Chinstrap", 68)], stats["species"].TopValues);
        Assert.Equal(10, stats["sex"].Missing);
        Assert.Equal(3, stats["sex"].Distinct);
    }

    [Fact]
    public async Task SeattleWeatherDatesAreDateTimesAndItsLabelsCategories()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;

        var v = (await service.AddAsync(RepositoryPaths.TestData("seattle-weather.csv"), "weather")).Version;

        var schema = service.GetSchema(v);
        Assert.Equal(ColumnType.DateTime, schema.Find("date")!.Type);
        Assert.Equal(ColumnType.Numeric, schema.Find("precipitation")!.Type);
        Assert.Equal(ColumnType.Categorical, schema.Find("weather")!.Type);
        var stats = service.GetStatistics(v).ToDictionary(s => s.Name);
        Assert.Equal(new DateTime(2012, 1, 1), stats["date"].MinDate);
        Assert.Equal(new DateTime(2015, 12, 31), stats["date"].MaxDate);
        Assert.Equal(1461, stats["date"].Distinct);
        Assert.Equal(new ValueCount("rain", 641), stats["weather"].TopValues[0]);

        var frame = await service.LoadFrameAsync(v);
        Assert.Equal(1461, frame.RowCount);
        var dates = Assert.IsType<DateTimeColumn>(frame["date"]);
        Assert.Equal(new DateTime(2012, 1, 1), dates.Values[0]);
        Assert.Equal(new DateTime(2015, 12, 31), dates.Values[^1]);
        Assert.Equal("drizzle", frame["weather"].Format(0));
        Assert.Equal(-2.1, Assert.IsType<NumericColumn>(frame["temp_min"]).Values[^1]);
    }

    [Fact]
    public async Task TheFrameHoldsTheSameValuesAsTheCsv()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = RepositoryPaths.TestData("penguins.csv");
        var v = (await service.AddAsync(file, "penguins")).Version;

        var frame = await service.LoadFrameAsync(v);

        var lines = File.ReadAllLines(file).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(lines.Length, frame.RowCount);
        for (var r = 0; r < lines.Length; r++)
        {
            for (var c = 0; c < frame.Columns.Count; c++)
            {
                var expected = lines[r][c] is "" or "NA" ? null : lines[r][c];
                var actual = frame.Columns[c].Format(r);
                if (expected is not null && frame.Columns[c] is NumericColumn)
                {
                    Assert.Equal(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ((NumericColumn)frame.Columns[c]).Values[r]);
                }
                else
                {
                    Assert.Equal(expected, actual);
                }
            }
        }

        Assert.True(double.IsNaN(Assert.IsType<NumericColumn>(frame["beak_length_mm"]).Values[3]));
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task TheDelimiterIsDetected(char delimiter)
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var d = delimiter.ToString();
        var file = ws.WriteUtf8("data.csv", $"a{d}b{d}c\n1{d}x{d}2.5\n2{d}y{d}3.5\n3{d}x{d}4.5\n");

        var v = (await service.AddAsync(file, "delimited")).Version;

        Assert.Equal(["a", "b", "c"], service.GetSchema(v).Columns.Select(c => c.Name));
        Assert.Equal([ColumnType.Integer, ColumnType.Categorical, ColumnType.Numeric], service.GetSchema(v).Columns.Select(c => c.Type));
        Assert.Equal(3, v.RowCount);
    }

    [Fact]
    public async Task QuotedFieldsMayHoldDelimitersQuotesAndLineBreaks()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("quoted.csv", "id,note,score\n1,\"a, b\",1.5\n2,\"two\nlines\",2.5\n3,\"say \"\"hi\"\"\",oops\n4,plain,4.5\n");

        var v = (await service.AddAsync(file, "quoted")).Version;
        var frame = await service.LoadFrameAsync(v);

        Assert.Equal(4, frame.RowCount);
        Assert.Equal("a, b", frame["note"].Format(0));
        Assert.Equal("two\nlines", frame["note"].Format(1));
        Assert.Equal("say \"hi\"", frame["note"].Format(2));
        var score = service.GetStatistics(v).Single(s => s.Name == "score");
        Assert.Equal(ColumnType.Categorical, service.GetSchema(v).Find("score")!.Type);
        Assert.Equal(4, score.Count);

        // The row after the two-line field starts on line 5 of the file.
        var numericFile = ws.WriteUtf8("quoted2.csv", "id,note,score\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"{i},\"x\ny\",{i}.5\n")) + "150,z,oops\n");
        var stats = service.GetStatistics((await service.AddAsync(numericFile, "quoted2")).Version).Single(s => s.Name == "score");
        Assert.Equal(1, stats.Invalid);
        Assert.Equal(new InvalidValue(302, "oops"), Assert.Single(stats.InvalidExamples));
    }

    [Fact]
    public async Task AUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name,value\nÅsa,1\nBjörn,2\n")).ToArray();
        var file = ws.WriteBytes("bom.csv", bytes);

        var v = (await service.AddAsync(file, "bom")).Version;

        Assert.Equal("name", service.GetSchema(v).Columns[0].Name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), v.Hash);
        Assert.Equal("Åsa", (await service.LoadFrameAsync(v))["name"].Format(0));
    }

    [Fact]
    public async Task ValuesThatBreakTheInferredTypeAreCountedWithTheirLinesAndStoredAsNull()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var rows = Enumerable.Range(0, 300).Select(i => i == 120 ? "120,abc,yes" : i == 200 ? "200,?,maybe" : $"{i},{i * 0.5},{(i % 2 == 0 ? "yes" : "no")}");
        var file = ws.WriteUtf8("invalid.csv", "id,x,ok\n" + string.Join("\n", rows) + "\n");

        var v = (await service.AddAsync(file, "invalid")).Version;

        var schema = service.GetSchema(v);
        Assert.Equal(new ColumnSchema("x", ColumnType.Numeric, true), schema.Find("x"));
        Assert.Equal(new ColumnSchema("ok", ColumnType.Boolean, true), schema.Find("ok"));
        var stats = service.GetStatistics(v).ToDictionary(s => s.Name);
        Assert.Equal(1, stats["x"].Invalid);
        Assert.Equal(1, stats["x"].Missing);
        Assert.Equal(new InvalidValue(122, "abc"), Assert.Single(stats["x"].InvalidExamples));
        Assert.Equal(new InvalidValue(202, "maybe"), Assert.Single(stats["ok"].InvalidExamples));
        var frame = await service.LoadFrameAsync(v);
        Assert.True(frame["x"].IsMissing(120));
        Assert.Equal(60.5, Assert.IsType<NumericColumn>(frame["x"]).Values[121]);
        Assert.Equal("true", frame["ok"].Format(0));
        Assert.True(frame["ok"].IsMissing(200));
    }

    [Fact]
    public async Task ManyDistinctStringsAreTextAndFewAreCategorical()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("strings.csv", "name,group\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"person {i},g{i % 4}\n")));

        var schema = service.GetSchema((await service.AddAsync(file, "strings")).Version);

        Assert.Equal(ColumnType.Text, schema.Find("name")!.Type);
        Assert.Equal(ColumnType.Categorical, schema.Find("group")!.Type);
    }

    [Fact]
    public async Task InvalidExamplesAndValuesAcrossRowGroupsKeepTheirSourceOrder()
    {
        // 250,000 rows of two columns span three Parquet row groups of 100,000; pins the order-dependent outputs of
        // pass two (the first invalid examples and their lines, values at group boundaries) so that a parallel or
        // single-parse pipeline can be checked against them.
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        const int rowCount = 250_000;
        int[] invalidRows = [249_999, 10, 150_000, 99_999, 200_001, 100_000, 249_000];
        var invalid = invalidRows.ToHashSet();
        var text = new StringBuilder("id,x\n");
        for (var i = 0; i < rowCount; i++)
        {
            text.Append(i).Append(',').Append(invalid.Contains(i) ? $"bad{i}" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        var file = ws.WriteUtf8("groups.csv", text.ToString());

        var v = (await service.AddAsync(file, "groups")).Version;

        Assert.Equal(rowCount, v.RowCount);
        Assert.Equal(ColumnType.Integer, service.GetSchema(v).Find("x")!.Type);
        var x = service.GetStatistics(v).Single(s => s.Name == "x");
        Assert.Equal(invalidRows.Length, x.Invalid);
        Assert.Equal(
            invalidRows.Order().Take(5).Select(i => new InvalidValue(i + 2, $"bad{i}")),
            x.InvalidExamples);
        var valid = Enumerable.Range(0, rowCount).Where(i => !invalid.Contains(i)).Select(i => (double)i).ToList();
        Assert.Equal(valid.Average(), x.Mean!.Value, 6);
        Assert.Equal((0.0, 249_998.0), (x.Min!.Value, x.Max!.Value));

        var frame = await service.LoadFrameAsync(v);
        var values = Assert.IsType<NumericColumn>(frame["x"]).Values;
        Assert.Equal(rowCount, frame.RowCount);
        foreach (var i in new[] { 0, 99_998, 100_001, 199_999, 200_000, 249_998 })
        {
            Assert.Equal(i, values[i]);
        }

        Assert.All(invalidRows, i => Assert.True(frame["x"].IsMissing(i)));
    }

    [Fact]
    public async Task TextInEveryRowGroupIsStoredAsReadAfterTheRowBlocksAreReused()
    {
        // Text values are written as slices of the parser's row blocks, which rotate four at a time: six groups of
        // 100,000 rows reuse every block, so a block refilled before its group was written would show here.
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        const int rowCount = 520_000;
        var text = new StringBuilder("id,note\n");
        for (var i = 0; i < rowCount; i++)
        {
            text.Append(i).Append(",\" note ").Append(i * 7).Append(i % 3 == 0 ? "\"\n" : " x\"\n");
        }

        var file = ws.WriteUtf8("notes.csv", text.ToString());

        var v = (await service.AddAsync(file, "notes")).Version;

        Assert.Equal(ColumnType.Text, service.GetSchema(v).Find("note")!.Type);
        var notes = Assert.IsType<StringColumn>((await service.LoadFrameAsync(v))["note"]).Values;
        Assert.Equal(rowCount, notes.Length);
        var wrong = Enumerable.Range(0, rowCount).Where(i => notes[i] != $"note {i * 7}{(i % 3 == 0 ? string.Empty : " x")}").Take(3).ToList();
        Assert.Empty(wrong);
    }
}
