using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.Retry;
using Raciflow.Storage;
using Raciflow.Storage.Metadata;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Writes one batch of records: a Parquet file per model, version and day, put whole into the artifact store and
/// then indexed. A retry rewrites the same key and the index insert is idempotent, so a failure between the two
/// never leaves a file indexed twice or a partial file indexed.
/// </summary>
internal sealed class PredictionBatchWriter(IArtifactStore artifacts, MetadataStore metadata, TimeProvider clock, PredictionLogOptions options)
{
    public const string Root = "predictions";

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException && options.MaxRetries > 0),
        })
        .Build();

    // Every file is encoded into this one buffer, which grows to the largest file once: a fresh array per file
    // (about 0.7 MB per 10,000 records) went to the large-object heap and brought gen2 collections.
    private readonly MemoryStream _encoded = new();

    /// <summary>
    /// Writes the batch, file by file; returns how many records were written and how many failed (invalid or given
    /// up on). Blocks: the logger calls it on its own writer thread, and the store's continuations run there too.
    /// </summary>
    public (int Written, int Failed, Exception? Error) Write(PredictionBatch batch)
    {
        int written = 0, failed = 0;
        Exception? error = null;
        foreach (var rows in batch.Files.Where(f => f.Count > 0))
        {
            if (!ModelNames.IsValid(rows.Model) || rows.Version < 1)
            {
                failed += rows.Count;
                error = RaciflowException.Invalid($"Prediction records for model '{rows.Model}' version {rows.Version} were not logged: the name must be a valid model name and the version at least 1.");
                continue;
            }

            try
            {
                rows.SortByTime();
                PredictionLogParquet.Encode(rows, _encoded);
                CallingThreadContext.Run(() => StoreAsync(rows, new ArraySegment<byte>(_encoded.GetBuffer(), 0, (int)_encoded.Length), CancellationToken.None));
                written += rows.Count;
            }
            catch (Exception ex)
            {
                failed += rows.Count;
                error = ex;
            }
        }

        return (written, failed, error);
    }

    public static string Key(string model, int version, DateOnly day, string fileId) =>
        $"{Root}/{model}/v{version}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{fileId}.parquet";

    private async Task StoreAsync(PredictionColumns rows, ArraySegment<byte> bytes, CancellationToken cancellationToken)
    {
        var first = LogTime.FromMicroseconds(rows.FirstMicroseconds);

        // Time first so that files list in order; the random part keeps concurrent writers apart.
        var fileId = $"{first.ToString("HHmmssfffffff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var key = Key(rows.Model, rows.Version, rows.Day, fileId);
        var row = new PredictionLogFile
        {
            Model = rows.Model,
            Version = rows.Version,
            Day = rows.Day,
            ArtifactKey = key,
            RowCount = rows.Count,
            FirstTime = first,
            LastTime = LogTime.FromMicroseconds(rows.LastMicroseconds),
        };
        await _retry.ExecuteAsync(
            async ct =>
            {
                using (var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false))
                {
                    await artifacts.PutAsync(key, stream, ct);
                }

                await IndexAsync(row, ct);
            },
            cancellationToken);
    }

    private async Task IndexAsync(PredictionLogFile row, CancellationToken cancellationToken)
    {
        await using var db = metadata.CreateContext();
        if (await db.Set<PredictionLogFile>().AnyAsync(f => f.ArtifactKey == row.ArtifactKey, cancellationToken))
        {
            return;
        }

        row.Id = 0;
        row.WrittenAt = LogTime.Of(clock.GetUtcNow());
        db.Set<PredictionLogFile>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }
}
