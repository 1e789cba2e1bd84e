using Parquet;
using Parquet.Schema;
using Raciflow.Data;

namespace Raciflow.Tests.Data;

public sealed class ParquetIngestionTests
{
    [Fact]
    public async Task AParquetFileIsIngestedWithTheSameTypesAsACsv()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.Folder.File("table.parquet");
        var id = new DataField<int>("id");
        var amount = new DataField<double?>("amount");
        var colour = new DataField<string>("colour", true);
        var when = new DataField<DateTime>("when");
        var flag = new DataField<bool?>("flag");
        await using (var stream = File.Create(file))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, amount, colour, when, flag), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(id, new ReadOnlyMemory<int>([1, 2, 3, 4]));
            await group.WriteAsync<double>(amount, new ReadOnlyMemory<double?>([1.5, null, 3.25, -4]));
            await group.WriteAsync(colour, new[] { "red", "blue", null!, "red" });
            await group.WriteAsync<DateTime>(when, new ReadOnlyMemory<DateTime>([new(2024, 1, 1), new(2024, 1, 2), new(2024, 1, 3, 12, 30, 0), new(2024, 1, 4)]));
            await group.WriteAsync<bool>(flag, new ReadOnlyMemory<bool?>([true, false, null, true]));
        }

        var v = (await service.AddAsync(file, "parquet")).Version;

        Assert.Equal("parquet", v.SourceFormat);
        Assert.Equal(4, v.RowCount);
        Assert.Equal(
            [
                new ColumnSchema("id", ColumnType.Integer, false),
                new ColumnSchema("amount", ColumnType.Numeric, true),
                new ColumnSchema("colour", ColumnType.Categorical, true),
                new ColumnSchema("when", ColumnType.DateTime, false),
                new ColumnSchema("flag", ColumnType.Boolean, true),
            ],
            service.GetSchema(v).Columns);
        var stats = service.GetStatistics(v).ToDictionary(s => s.Name);
        Assert.Equal(0.25, stats["amount"].Mean!.Value, 12);
        Assert.Equal(new DateTime(2024, 1, 4), stats["when"].MaxDate);

        var frame = await service.LoadFrameAsync(v);
        Assert.Equal([1.0, 2, 3, 4], Assert.IsType<NumericColumn>(frame["id"]).Values);
        Assert.Equal(-4, Assert.IsType<NumericColumn>(frame["amount"]).Values[3]);
        Assert.True(frame["amount"].IsMissing(1));
        Assert.Null(frame["colour"].Format(2));
        Assert.Equal(new DateTime(2024, 1, 3, 12, 30, 0), Assert.IsType<DateTimeColumn>(frame["when"]).Values[2]);
        Assert.Equal("false", frame["flag"].Format(1));
    }

    [Fact]
    public async Task AFileThatIsNotParquetIsRejectedByName()
    {
        var (ws, service) = await DataFixture.CreateAsync();
        using var _ = ws;
        var file = ws.WriteUtf8("fake.parquet", "a,b\n1,2\n");

        var ex = await Assert.ThrowsAsync<RaciflowException>(() => service.AddAsync(file, "fake"));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("fake.parquet", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Parquet", ex.Message, StringComparison.Ordinal);
    }
}
