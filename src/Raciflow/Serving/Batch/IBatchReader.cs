namespace Raciflow.Serving.Batch;

/// <summary>Reads an input file front to back in chunks, typing the model's input columns and naming file, row and column in errors.</summary>
internal interface IBatchReader : IAsyncDisposable
{
    /// <summary>Every column of the file, in file order.</summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The fraction of the file read so far.</summary>
    double Progress { get; }

    /// <summary>The next chunk, or null at the end of the file.</summary>
    ValueTask<BatchChunk?> ReadAsync(CancellationToken cancellationToken);
}
