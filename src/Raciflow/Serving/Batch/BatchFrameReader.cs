using Raciflow.Data;
using Raciflow.Training;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Reads a whole CSV or Parquet file's model inputs into one <see cref="Frame"/>, typed as the model expects (the
/// same readers and errors as batch scoring): for analyses such as drift that need every row at once.
/// </summary>
public static class BatchFrameReader
{
    public static async Task<Frame> ReadInputsAsync(ModelBundle bundle, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".parquet"))
        {
            throw RaciflowException.Invalid($"File '{path}' must be .csv or .parquet.", path);
        }

        if (!File.Exists(path))
        {
            throw new RaciflowException(ErrorKind.NotFound, $"File '{path}' does not exist.") { Location = path };
        }

        var inputs = new BatchModelInputs(bundle);
        var chunks = new List<Frame>();
        await using (IBatchReader reader = extension == ".csv"
            ? CsvBatchReader.Open(path, inputs, keepRawRows: false, BatchScorer.DefaultChunkRows, reuseBuffers: false)
            : await ParquetBatchReader.OpenAsync(path, inputs, cancellationToken, reuseBuffers: false))
        {
            while (await reader.ReadAsync(cancellationToken) is { } chunk)
            {
                chunks.Add(chunk.Columns);
            }
        }

        return new Frame(inputs.Names.Select(name => Concatenate(name, chunks)).ToList());
    }

    /// <summary>The readers type model inputs as numbers or text only, so those are the two cases to join.</summary>
    private static FrameColumn Concatenate(string name, IReadOnlyList<Frame> chunks)
    {
        var parts = chunks.Select(c => c[name]).ToList();
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var type = parts.Count > 0 ? parts[0].Type : ColumnType.Categorical;
        if (parts.Count > 0 && parts[0] is NumericColumn)
        {
            return new NumericColumn(name, type, parts.Cast<NumericColumn>().SelectMany(p => p.Values).ToArray());
        }

        return new StringColumn(name, type, parts.Cast<StringColumn>().SelectMany(p => p.Values).ToArray());
    }
}
