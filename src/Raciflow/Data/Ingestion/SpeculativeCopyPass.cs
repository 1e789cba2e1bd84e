using System.Runtime.CompilerServices;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// Infers the schema and writes the Parquet copy in the same read of a CSV file. The first rows (about a row
/// group) are buffered and their inferred types taken as a guess; from then on every row is both observed by
/// the inference over the whole file and converted to the guessed types. At the end, when the whole file's
/// schema stores every column the same way as the guess (the usual case), the Parquet copy and statistics are
/// exactly what a second pass would produce, because the same values reach the same converter in the same
/// order. When a later row changed the inference's mind, the copy is dropped and the caller runs that second pass.
/// </summary>
internal sealed class SpeculativeCopyPass : ICellVisitor, IAsyncDisposable
{
    /// <summary>Past this many buffered characters the guess is made early, so wide text stays bounded.</summary>
    private const int MaxPrefixCharacters = ParquetCopyPass.MaxGroupCharacters;

    private readonly TypeInferencePass _inference;
    private readonly Stream _output;
    private readonly int _prefixRows;
    private readonly CancellationToken _cancellationToken;
    private RowPrefixBuffer? _prefix;
    private ParquetCopyPass? _copy;

    public SpeculativeCopyPass(IReadOnlyList<string> columnNames, Stream output, CancellationToken cancellationToken)
    {
        _inference = new TypeInferencePass(columnNames);
        _output = output;
        _prefixRows = ParquetLayout.RowsPerGroup(columnNames.Count);
        _prefix = new RowPrefixBuffer(columnNames.Count);
        _cancellationToken = cancellationToken;
    }

    public TypeInferencePass Inference => _inference;

    public void BeginRow(long line)
    {
        _inference.BeginRow(line);
        if (_copy is not null)
        {
            _copy.BeginRow(line);
        }
        else
        {
            _prefix!.BeginRow(line);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per cell: optimized at its first call, not after tier-0 call counting
    public void Cell(int column, ReadOnlySpan<char> value)
    {
        if (_copy is not null)
        {
            // The converter observes the cell for the inference when it converts it (see StartCopy).
            _copy.Cell(column, value);
        }
        else
        {
            _inference.Cell(column, value);
            _prefix!.Cell(value);
        }
    }

    public void EndRow()
    {
        _inference.EndRow();
        if (_copy is not null)
        {
            _copy.EndRow();
        }
        else if (_prefix!.Rows >= _prefixRows || _prefix.Characters >= MaxPrefixCharacters)
        {
            StartCopy();
        }
    }

    /// <summary>Converts every row read so far; afterwards <see cref="Inference"/> has seen the whole file.</summary>
    public async Task FlushAsync()
    {
        if (_copy is null)
        {
            // The whole file fitted in the prefix: the guess is the final schema.
            StartCopy();
        }

        await _copy!.FlushAsync();
    }

    /// <summary>
    /// The whole file's statistics when the guessed schema stores every column as the final one does; null when
    /// the guess was wrong and nothing written so far can be used.
    /// </summary>
    public async Task<IReadOnlyList<ColumnStatistics>?> CompleteAsync(DatasetSchema schema)
    {
        await FlushAsync();
        if (!ParquetLayout.SameLayout(_copy!.Schema, schema))
        {
            return null;
        }

        return await _copy.CompleteAsync(schema);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }
    }

    private void StartCopy()
    {
        // Called from the parser's synchronous row callback; creating the writer only writes the file's magic bytes.
        _copy = ParquetCopyPass.CreateAsync(_inference.Schema(), _output, _cancellationToken).GetAwaiter().GetResult();
        _copy.Reserve(_prefix!.Characters);
        _prefix.ReplayTo(_copy);
        _prefix = null;

        // The buffered rows were observed as they arrived; from here on the converter observes each cell for the
        // inference, reusing its parse of the guessed type instead of parsing the value again.
        _copy.ObserveFromNextRow(_inference);
    }
}
