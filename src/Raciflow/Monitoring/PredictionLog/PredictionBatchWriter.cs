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

    /// <summary>Writes the records; returns how many were written and how many failed (invalid or given up on).</summary>
    public async Task<(int Written, int Failed, Exception? Error)> WriteAsync(IReadOnlyList<PredictionRecord> batch, CancellationToken cancellationToken)
    {
        int written = 0, failed = 0;
        Exception? error = null;
        foreach (var group in batch.GroupBy(r => (r.Model, r.Version, Day: DateOnly.FromDateTime(r.Time.UtcDateTime))))
        {
            var records = group.OrderBy(r => r.Time).ToList();
            if (!ModelNames.IsValid(group.Key.Model) || group.Key.Version < 1)
            {
                failed += records.Count;
                error = RaciflowException.Invalid($"Prediction records for model '{group.Key.Model}' version {group.Key.Version} were not logged: the name must be a valid model name and the version at least 1.");
                continue;
            }

            try
            {
                await WriteFileAsync(group.Key.Model, group.Key.Version, group.Key.Day, records, cancellationToken);
                written += records.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed += records.Count;
                error = ex;
            }
        }

        return (written, failed, error);
    }

    public static string Key(string model, int version, DateOnly day, string fileId) =>
        $"{Root}/{model}/v{version}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{fileId}.parquet";

    private async Task WriteFileAsync(string model, int version, DateOnly day, List<PredictionRecord> records, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await PredictionLogParquet.WriteAsync(records, content, cancellationToken);
        var bytes = content.ToArray();

        // Time first so that files list in order; the random part keeps concurrent writers apart.
        var fileId = $"{records[0].Time.UtcDateTime.ToString("HHmmssfffffff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var key = Key(model, version, day, fileId);
        var row = new PredictionLogFile
        {
            Model = model,
            Version = version,
            Day = day,
            ArtifactKey = key,
            RowCount = records.Count,
            FirstTime = LogTime.Of(records[0].Time),
            LastTime = LogTime.Of(records[^1].Time),
        };
        await _retry.ExecuteAsync(
            async ct =>
            {
                using (var stream = new MemoryStream(bytes, writable: false))
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
