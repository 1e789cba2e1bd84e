using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// The second pass over a table: converts each cell to its column's inferred type, accumulates statistics and
/// writes the Parquet copy row group by row group, as a pipeline over every core. The parser only copies a row
/// group's text into a <see cref="RowBlock"/>; the block is then converted column by column in parallel (a
/// column's values, statistics and inference evidence depend only on that column's cells in row order, so the
/// result equals a row-by-row conversion) while the parser fills the next block, and the converted group is
/// written by Parquet.Net while the next one is converted. Four row blocks and two sets of typed buffers bound memory.
/// </summary>
internal sealed class ParquetCopyPass : ICellVisitor, IAsyncDisposable
{
    /// <summary>A row group ends early past this many characters (32 MB), so long text keeps memory bounded.</summary>
    public const int MaxGroupCharacters = 16 << 20;

    /// <summary>
    /// Row blocks in rotation: one filling, one converting, and the text of the two groups the writer may still be
    /// reading (written values are slices of their block). Group k fills the block of group k-4, whose write is done
    /// once group k-2's conversion is, because a conversion waits for the write two groups back.
    /// </summary>
    private const int BlocksInFlight = 4;

    /// <summary>
    /// Snappy, strings plain: Parquet.Net 6 dictionary-encodes a string column only when hinted, and on the 1 GB bench
    /// the hint cut the two categorical columns' bytes by a third to a half but raised peak memory by 110 MB (a
    /// row-sized dictionary and index per column and row group) at no gain in speed.
    /// </summary>
    private static readonly ParquetOptions WriteOptions = new() { CompressionMethod = CompressionMethod.Snappy };

    private readonly DatasetSchema _schema;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly ColumnStatisticsBuilder[] _statistics;
    private readonly ColumnType[] _types;
    private readonly int _rowsPerGroup;
    private readonly CancellationToken _cancellationToken;
    private readonly ColumnBuffer[][] _typed;
    private readonly RowBlock[] _blocks;
    private RowBlock _filling;
    private TypeInferencePass? _inference;
    private Task _converting = Task.CompletedTask;
    private Task _lastWrite = Task.CompletedTask;
    private Task _previousWrite = Task.CompletedTask;
    private long _groups;
    private bool _completed;

    private ParquetCopyPass(DatasetSchema schema, ParquetWriter writer, ParquetSchema parquetSchema, CancellationToken cancellationToken)
    {
        _schema = schema;
        _writer = writer;
        _fields = parquetSchema.DataFields;
        _types = schema.Columns.Select(c => c.Type).ToArray();
        _statistics = schema.Columns.Select(c => new ColumnStatisticsBuilder(c)).ToArray();
        _rowsPerGroup = ParquetLayout.RowsPerGroup(schema.Columns.Count);
        _typed = [NewBuffers(), NewBuffers()];
        _blocks = Enumerable.Range(0, BlocksInFlight).Select(_ => new RowBlock(_types.Length, _rowsPerGroup)).ToArray();
        _filling = _blocks[0];
        _cancellationToken = cancellationToken;
    }

    public long Rows { get; private set; }

    /// <summary>The schema the values are converted to.</summary>
    public DatasetSchema Schema => _schema;

    public static async Task<ParquetCopyPass> CreateAsync(DatasetSchema schema, Stream output, CancellationToken cancellationToken)
    {
        var parquetSchema = ParquetLayout.Schema(schema);
        var writer = await ParquetWriter.CreateAsync(parquetSchema, output, WriteOptions, false, cancellationToken);
        return new ParquetCopyPass(schema, writer, parquetSchema, cancellationToken);
    }

    public void BeginRow(long line) => _filling.BeginRow(line);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    public void Cell(int column, ReadOnlySpan<char> value) => _filling.Cell(value);

    public void EndRow()
    {
        Rows++;
        if (_filling.Rows == _rowsPerGroup || _filling.Characters >= MaxGroupCharacters)
        {
            Dispatch();
        }
    }

    /// <summary>Makes room for a first row group of about <paramref name="characters"/> characters.</summary>
    public void Reserve(int characters) => _filling.Reserve(characters);

    /// <summary>
    /// From the next row on, every converted cell is also observed by <paramref name="inference"/>, reusing the
    /// conversion's parse of the column's type (the single pass infers the whole file's schema while it converts).
    /// </summary>
    public void ObserveFromNextRow(TypeInferencePass inference)
    {
        _inference = inference;
        _filling.FirstUnobservedRow = _filling.Rows;
    }

    /// <summary>Converts and writes every row received so far; afterwards the inference has seen every cell.</summary>
    public async Task FlushAsync()
    {
        if (_filling.Rows > 0)
        {
            Dispatch();
        }

        await _lastWrite;
    }

    /// <summary>
    /// Writes the last rows and the file footer; returns the statistics of every column, described by
    /// <paramref name="decided"/> when given (a schema with the same layout whose categorical/text split or
    /// nullability was settled after the conversion began).
    /// </summary>
    public async Task<IReadOnlyList<ColumnStatistics>> CompleteAsync(DatasetSchema? decided = null)
    {
        await FlushAsync();
        _completed = true;
        await _writer.DisposeAsync();
        var columns = (decided ?? _schema).Columns;
        return _statistics.Select((s, i) => s.Build(columns[i])).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            await _converting;
            await _lastWrite;
        }
        catch (Exception)
        {
            // The pass failed or was cancelled; the caller reports the first error and deletes the partial file.
        }

        await _writer.DisposeAsync();
    }

    /// <summary>
    /// Hands the filled block to a conversion task and returns to parsing. Block k is converted after block k-1
    /// (statistics see each column's values in source order) into the typed buffers that group k-2 was written
    /// from, once that write is done, and group k is written after group k-1.
    /// </summary>
    private void Dispatch()
    {
        // Group k-1's conversion is over, so group k-3's write is too and its block is free (see BlocksInFlight).
        _converting.GetAwaiter().GetResult();
        var block = _filling;
        _filling = _blocks[(_groups + 1) % BlocksInFlight];
        _filling.Clear();
        _filling.Reserve(block.Characters);

        var rows = block.Rows;
        var buffers = _typed[_groups++ % 2];
        var inference = _inference;
        var buffersFree = _previousWrite;
        var previousWrite = _lastWrite;
        var convert = Task.Run(
            async () =>
            {
                await buffersFree;
                Parallel.For(0, _types.Length, column => ConvertColumn(block, buffers[column], column, inference));
            },
            _cancellationToken);
        _converting = convert;
        _previousWrite = previousWrite;
        _lastWrite = Task.Run(
            async () =>
            {
                await convert;
                await previousWrite;
                await WriteGroupAsync(buffers, rows);
            },
            _cancellationToken);
    }

    private void ConvertColumn(RowBlock block, ColumnBuffer buffer, int column, TypeInferencePass? inference)
    {
        var type = _types[column];
        var statistics = _statistics[column];
        for (var row = 0; row < block.Rows; row++)
        {
            var value = block.Cell(row, column);
            var parsed = Convert(statistics, buffer, type, row, block, column, value);
            if (inference is not null && row >= block.FirstUnobservedRow)
            {
                inference.Cell(column, value, type, parsed);
            }
        }
    }

    /// <summary>Converts and counts one cell: null when it is missing, else whether it parsed as its column's type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    private static bool? Convert(ColumnStatisticsBuilder statistics, ColumnBuffer buffer, ColumnType type, int row, RowBlock block, int column, ReadOnlySpan<char> value)
    {
        if (MissingValues.IsMissing(value))
        {
            statistics.AddMissing();
            buffer.SetNull(row);
            return null;
        }

        var text = value.Trim();
        switch (type)
        {
            case ColumnType.Numeric when ValueParsers.TryParseDouble(text, out var d):
                buffer.Numbers![row] = d;
                statistics.AddNumber(d);
                break;
            case ColumnType.Integer when ValueParsers.TryParseInteger(text, out var l):
                buffer.Integers![row] = l;
                statistics.AddNumber(l);
                break;
            case ColumnType.Boolean when ValueParsers.TryParseBoolean(text, out var b):
                buffer.Booleans![row] = b;
                statistics.AddNumber(b ? 1 : 0);
                break;
            case ColumnType.DateTime when ValueParsers.TryParseDateTime(text, out var t):
                buffer.Dates![row] = t;
                statistics.AddNumber(t.Ticks);
                break;
            case ColumnType.Categorical or ColumnType.Text:
                buffer.Texts![row] = statistics.AddString(text) ?? block.CellMemory(row, column).Trim();
                break;
            default:
                statistics.AddInvalid(block.Line(row), value);
                buffer.SetNull(row);
                return false;
        }

        return true;
    }

    private async Task WriteGroupAsync(ColumnBuffer[] buffers, int rows)
    {
        using var group = _writer.CreateRowGroup();
        for (var c = 0; c < _fields.Length; c++)
        {
            var field = _fields[c];
            var buffer = buffers[c];
            switch (_types[c])
            {
                case ColumnType.Numeric:
                    await group.WriteAsync<double>(field, new ReadOnlyMemory<double?>(buffer.Numbers, 0, rows), null, null, _cancellationToken);
                    break;
                case ColumnType.Integer:
                    await group.WriteAsync<long>(field, new ReadOnlyMemory<long?>(buffer.Integers, 0, rows), null, null, _cancellationToken);
                    break;
                case ColumnType.Boolean:
                    await group.WriteAsync<bool>(field, new ReadOnlyMemory<bool?>(buffer.Booleans, 0, rows), null, null, _cancellationToken);
                    break;
                case ColumnType.DateTime:
                    await group.WriteAsync<DateTime>(field, new ReadOnlyMemory<DateTime?>(buffer.Dates, 0, rows), null, null, _cancellationToken);
                    break;
                default:
                    await group.WriteAsync<ReadOnlyMemory<char>>(field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(buffer.Texts, 0, rows), null, null, _cancellationToken);
                    break;
            }
        }
    }

    private ColumnBuffer[] NewBuffers() => _schema.Columns.Select(c => new ColumnBuffer(c.Type, _rowsPerGroup)).ToArray();
}
