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

    /// <summary>
    /// Writes the records; returns how many were written and how many failed (invalid or given up on). Blocks: the
    /// logger calls it on its own writer thread, which encodes every file before waiting for the store.
    /// </summary>
    public (int Written, int Failed, Exception? Error) Write(IReadOnlyList<PredictionRecord> batch)
    {
        int written = 0, failed = 0;
        Exception? error = null;
        var files = new List<(FileKey Key, List<PredictionRecord> Records, byte[] Content)>();
        foreach (var (key, records) in Group(batch))
        {
            if (!ModelNames.IsValid(key.Model) || key.Version < 1)
            {
                failed += records.Count;
                error = RaciflowException.Invalid($"Prediction records for model '{key.Model}' version {key.Version} were not logged: the name must be a valid model name and the version at least 1.");
                continue;
            }

            try
            {
                files.Add((key, records, PredictionLogParquet.Encode(records)));
            }
            catch (Exception ex)
            {
                failed += records.Count;
                error = ex;
            }
        }

        foreach (var (key, records, content) in files)
        {
            try
            {
                StoreAsync(key, records, content, CancellationToken.None).GetAwaiter().GetResult();
                written += records.Count;
            }
            catch (Exception ex)
            {
                failed += records.Count;
                error = ex;
            }
        }

        return (written, failed, error);
    }

    public static string Key(string model, int version, DateOnly day, string fileId) =>
        $"{Root}/{model}/v{version}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{fileId}.parquet";

    /// <summary>The batch split per model, version and day, each part in time order (records mostly arrive so).</summary>
    private static Dictionary<FileKey, List<PredictionRecord>> Group(IReadOnlyList<PredictionRecord> batch)
    {
        var groups = new Dictionary<FileKey, List<PredictionRecord>>();
        List<PredictionRecord>? last = null;
        FileKey lastKey = default;
        foreach (var record in batch)
        {
            var key = new FileKey(record.Model, record.Version, DateOnly.FromDateTime(record.Time.UtcDateTime));
            if (last is null || !key.Equals(lastKey))
            {
                if (!groups.TryGetValue(key, out last))
                {
                    last = new List<PredictionRecord>(batch.Count);
                    groups.Add(key, last);
                }

                lastKey = key;
            }

            last.Add(record);
        }

        foreach (var records in groups.Values)
        {
            if (!InTimeOrder(records))
            {
                var sorted = records.OrderBy(r => r.Time).ToList(); // stable: rows of one request keep their order
                records.Clear();
                records.AddRange(sorted);
            }
        }

        return groups;
    }

    private static bool InTimeOrder(List<PredictionRecord> records)
    {
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Time < records[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }

    private async Task StoreAsync(FileKey file, List<PredictionRecord> records, byte[] bytes, CancellationToken cancellationToken)
    {
        // Time first so that files list in order; the random part keeps concurrent writers apart.
        var fileId = $"{records[0].Time.UtcDateTime.ToString("HHmmssfffffff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var key = Key(file.Model, file.Version, file.Day, fileId);
        var row = new PredictionLogFile
        {
            Model = file.Model,
            Version = file.Version,
            Day = file.Day,
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

    private readonly record struct FileKey(string Model, int Version, DateOnly Day);
}
