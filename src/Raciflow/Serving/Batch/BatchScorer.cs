using System.Diagnostics;
using Raciflow.Storage;
using Raciflow.Training;

namespace Raciflow.Serving.Batch;

/// <summary>
/// Scores a CSV or Parquet file with a model bundle, streaming in chunks (memory stays flat whatever the file
/// size): the fitted pipeline turns each chunk into features and <see cref="ITrainedModel.PredictBatch"/> scores
/// it, split across cores; reading the next chunk overlaps with scoring the current one. The output (.csv or
/// .parquet by extension) holds the input columns and the prediction columns, and is written with
/// <see cref="AtomicFile"/>: it appears only when complete.
/// </summary>
public static class BatchScorer
{
    /// <summary>Rows per chunk: large enough to amortise per-call costs, small enough to keep memory flat.</summary>
    public const int DefaultChunkRows = 1 << 16;

    public static Task<BatchScoringResult> ScoreAsync(ModelBundle bundle, string inputPath, string outputPath, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        ScoreAsync(bundle, inputPath, outputPath, DefaultChunkRows, progress, cancellationToken);

    /// <summary>As above with a chosen chunk size (tests use small chunks to cross chunk boundaries).</summary>
    public static async Task<BatchScoringResult> ScoreAsync(ModelBundle bundle, string inputPath, string outputPath, int chunkRows, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var outputFormat = FormatOf(outputPath, "output");
        var inputFormat = FormatOf(inputPath, "input");
        if (!File.Exists(inputPath))
        {
            throw new RaciflowException(ErrorKind.NotFound, $"Input file '{inputPath}' does not exist.") { Location = inputPath };
        }

        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var inputs = new BatchModelInputs(bundle);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        long rows = 0;
        long unscored = 0;
        long firstUnscored = 0;
        await AtomicFile.WriteAsync(outputPath, async (stream, _) =>
        {
            await using (var reader = await OpenAsync(inputPath, inputFormat, inputs, keepRawRows: outputFormat == ".csv", chunkRows, cancellationToken))
            {
                var predictionColumns = BatchPredictions.ColumnNames(bundle);
                IBatchWriter writer = outputFormat == ".csv"
                    ? new CsvBatchWriter(stream, reader.ColumnNames, predictionColumns)
                    : new ParquetBatchWriter(stream, predictionColumns);
                await using (writer)
                {
                    var predictor = new BatchPredictor(bundle);
                    var next = ReadAheadAsync(reader, cancellationToken);
                    try
                    {
                        while (await next is { } chunk)
                        {
                            next = ReadAheadAsync(reader, cancellationToken);
                            var predictions = predictor.Predict(chunk);
                            await writer.WriteAsync(chunk, predictions, cancellationToken);
                            if (predictions.UnscoredCount > 0)
                            {
                                firstUnscored = unscored == 0 ? rows + predictions.FirstUnscored + 1 : firstUnscored;
                                unscored += predictions.UnscoredCount;
                            }

                            rows += chunk.Rows;
                            progress?.Report(reader.Progress);
                        }
                    }
                    finally
                    {
                        await SettleAsync(next);
                    }

                    await writer.CompleteAsync(cancellationToken);
                }
            }
        }, cancellationToken);

        progress?.Report(1);
        using var process = Process.GetCurrentProcess();
        return new BatchScoringResult(rows, clock.Elapsed, process.TotalProcessorTime - cpuBefore, process.PeakWorkingSet64, unscored, firstUnscored);
    }

    /// <summary>
    /// Reads the next chunk on the thread pool so that parsing it overlaps with scoring and writing the current one
    /// (the CSV reader works synchronously and would otherwise run in turn with them).
    /// </summary>
    private static Task<BatchChunk?> ReadAheadAsync(IBatchReader reader, CancellationToken cancellationToken) =>
        Task.Run(() => reader.ReadAsync(cancellationToken).AsTask(), cancellationToken);

    /// <summary>
    /// Waits for a read still in flight (when scoring or writing failed) before the reader is disposed under it; its
    /// own outcome no longer matters, the first error is the one reported.
    /// </summary>
    private static async Task SettleAsync(Task<BatchChunk?> read)
    {
        try
        {
            await read;
        }
        catch
        {
            // Already reported: the error that ended the loop is the one the caller sees.
        }
    }

    private static async Task<IBatchReader> OpenAsync(string path, string format, BatchModelInputs inputs, bool keepRawRows, int chunkRows, CancellationToken cancellationToken) =>
        format == ".csv"
            ? CsvBatchReader.Open(path, inputs, keepRawRows, chunkRows)
            : await ParquetBatchReader.OpenAsync(path, inputs, cancellationToken);

    private static string FormatOf(string path, string role)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".csv" or ".parquet"
            ? extension
            : throw RaciflowException.Invalid($"The {role} file '{path}' must end in .csv or .parquet.", path);
    }
}
