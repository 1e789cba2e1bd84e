using Parquet;

namespace Raciflow.Data;

/// <summary>
/// Reads a version's Parquet copy into a <see cref="Frame"/>: numeric, integer and boolean columns become
/// doubles (NaN when missing), date-times DateTime?, categorical and text strings.
/// </summary>
internal static class ParquetFrameReader
{
    public static async Task<Frame> ReadAsync(Stream seekable, DatasetSchema schema, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(seekable, null, leaveStreamOpen: true, cancellationToken);
        var total = checked((int)Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.OpenRowGroupReader(g).RowCount));
        var fields = schema.Columns.Select(c => reader.Schema.DataFields.FirstOrDefault(f => f.Name == c.Name)
            ?? throw new InvalidDataException($"The Parquet copy lacks column '{c.Name}'.")).ToArray();
        var columns = schema.Columns.Select(c => Allocate(c, total)).ToArray();
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            for (var c = 0; c < fields.Length; c++)
            {
                var field = fields[c];
                switch (columns[c])
                {
                    case NumericColumn numeric when schema.Columns[c].Type == ColumnType.Numeric:
                        await ReadNumbersAsync<double>(group, field, numeric.Values.AsMemory(offset, rows), v => v, cancellationToken);
                        break;
                    case NumericColumn numeric when schema.Columns[c].Type == ColumnType.Integer:
                        await ReadNumbersAsync<long>(group, field, numeric.Values.AsMemory(offset, rows), v => v, cancellationToken);
                        break;
                    case NumericColumn numeric:
                        await ReadNumbersAsync<bool>(group, field, numeric.Values.AsMemory(offset, rows), v => v ? 1 : 0, cancellationToken);
                        break;
                    case DateTimeColumn dates:
                        await group.ReadAsync<DateTime>(field, dates.Values.AsMemory(offset, rows), null, cancellationToken);
                        break;
                    case StringColumn strings:
                        await group.ReadAsync(field, strings.Values.AsMemory(offset, rows), null, cancellationToken);
                        break;
                }
            }

            offset += rows;
        }

        return new Frame(columns);
    }

    private static FrameColumn Allocate(ColumnSchema column, int rows) => column.Type switch
    {
        ColumnType.Numeric or ColumnType.Integer or ColumnType.Boolean => new NumericColumn(column.Name, column.Type, new double[rows]),
        ColumnType.DateTime => new DateTimeColumn(column.Name, new DateTime?[rows]),
        _ => new StringColumn(column.Name, column.Type, new string?[rows]),
    };

    private static async Task ReadNumbersAsync<T>(ParquetRowGroupReader group, Parquet.Schema.DataField field, Memory<double> target, Func<T, double> convert, CancellationToken cancellationToken)
        where T : struct
    {
        var buffer = new T?[target.Length];
        await group.ReadAsync<T>(field, buffer.AsMemory(), null, cancellationToken);
        var span = target.Span;
        for (var i = 0; i < buffer.Length; i++)
        {
            span[i] = buffer[i] is { } v ? convert(v) : double.NaN;
        }
    }
}
