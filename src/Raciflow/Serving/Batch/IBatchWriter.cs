namespace Raciflow.Serving.Batch;

/// <summary>Writes scored chunks: the input columns followed by the prediction columns.</summary>
internal interface IBatchWriter : IAsyncDisposable
{
    ValueTask WriteAsync(BatchChunk chunk, BatchPredictions predictions, CancellationToken cancellationToken);

    /// <summary>Flushes everything; the caller then moves the file into place.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
