using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// A Parquet file read one row group at a time. Values are rendered as invariant text and go through the same
/// inference and conversion as CSV cells, so a table gets the same schema whichever format it came in.
/// </summary>
internal sealed class ParquetTableSource : ITableSource
{
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;

    private ParquetTableSource(ParquetReader reader, DataField[] fields)
    {
        _reader = reader;
        _fields = fields;
        ColumnNames = fields.Select(f => f.Name).ToList();
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public static async Task<ParquetTableSource> OpenAsync(string path, string displayName, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, null, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw RaciflowException.Invalid($"File '{displayName}' is not a readable Parquet file: {ex.Message}", displayName);
        }

        var nested = reader.Schema.Fields.Where(f => f is not DataField || ((DataField)f).IsArray).Select(f => f.Name).ToList();
        if (nested.Count > 0)
        {
            await reader.DisposeAsync();
            throw RaciflowException.Invalid($"File '{displayName}' has nested or repeated columns ({string.Join(", ", nested)}); only flat tables can be added.", displayName);
        }

        var fields = reader.Schema.DataFields;
        HeaderValidator.Validate(fields.Select(f => f.Name).ToList(), displayName);
        return new ParquetTableSource(reader, fields);
    }

    public async Task ReadAsync(ICellVisitor visitor, Action<double>? progress, CancellationToken cancellationToken)
    {
        long line = 0;
        for (var g = 0; g < _reader.RowGroupCount; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = _reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var columns = new string?[_fields.Length][];
            for (var c = 0; c < _fields.Length; c++)
            {
                columns[c] = await ReadAsTextAsync(group, _fields[c], rows, cancellationToken);
            }

            for (var r = 0; r < rows; r++)
            {
                visitor.BeginRow(++line);
                for (var c = 0; c < columns.Length; c++)
                {
                    visitor.Cell(c, columns[c][r]);
                }

                visitor.EndRow();
            }

            progress?.Invoke((double)(g + 1) / _reader.RowGroupCount);
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private static Task<string?[]> ReadAsTextAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var t = field.ClrType;
        return t switch
        {
            _ when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => ReadStringsAsync(group, field, rows, ct),
            _ when t == typeof(bool) => ReadAsync<bool>(group, field, rows, v => v ? "true" : "false", ct),
            _ when t == typeof(byte) => ReadAsync<byte>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(sbyte) => ReadAsync<sbyte>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(short) => ReadAsync<short>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(ushort) => ReadAsync<ushort>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(int) => ReadAsync<int>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(uint) => ReadAsync<uint>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(long) => ReadAsync<long>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(ulong) => ReadAsync<ulong>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(float) => ReadAsync<float>(group, field, rows, v => float.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null, ct),
            _ when t == typeof(double) => ReadAsync<double>(group, field, rows, v => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null, ct),
            _ when t == typeof(decimal) => ReadAsync<decimal>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture), ct),
            _ when t == typeof(DateTime) => ReadAsync<DateTime>(group, field, rows, v => v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), ct),
            _ when t == typeof(DateOnly) => ReadAsync<DateOnly>(group, field, rows, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct),
            _ => throw RaciflowException.Invalid($"Parquet column '{field.Name}' has type {t.Name}, which cannot be added; use numbers, booleans, dates or strings.", field.Name),
        };
    }

    private static async Task<string?[]> ReadStringsAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory(), null, ct);
        return values;
    }

    private static async Task<string?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string?> format, CancellationToken ct)
        where T : struct
    {
        var text = new string?[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            await group.ReadAsync<T>(field, values.AsMemory(), null, ct);
            for (var i = 0; i < rows; i++)
            {
                text[i] = values[i] is { } v ? format(v) : null;
            }
        }
        else
        {
            var values = new T[rows];
            await group.ReadAsync<T>(field, values.AsMemory(), null, ct);
            for (var i = 0; i < rows; i++)
            {
                text[i] = format(values[i]);
            }
        }

        return text;
    }
}
