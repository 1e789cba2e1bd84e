using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Raciflow.Data.Ingestion;
using Raciflow.Storage;
using Raciflow.Workspaces;

namespace Raciflow.Data;

/// <summary>
/// Versioned datasets: adds CSV and Parquet files as immutable, content-addressed versions and finds, lists,
/// loads and compares them. A version row is committed only after its source copy and Parquet copy are stored.
/// </summary>
public sealed class DatasetService(Workspace workspace)
{
    /// <summary>
    /// Adds <paramref name="file"/> to dataset <paramref name="name"/>. Identical content returns the existing version
    /// and stores nothing; new content becomes the next version, whose parent is the previous latest.
    /// </summary>
    public async Task<DatasetAddResult> AddAsync(string file, string name, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        DatasetName.Validate(name);
        var path = RequireReadableFile(file);
        var format = TableIngestor.FormatOf(path);
        var stamp = FileStamp.Of(path);
        if (stamp.Size == 0)
        {
            throw RaciflowException.Invalid($"File '{path}' is empty (0 bytes).", path);
        }

        var cache = new FileHashCache(workspace.Metadata);
        if (await Guard(() => cache.LookupAsync(stamp, cancellationToken)) is { } knownHash &&
            await FindVersionAsync(name, knownHash, cancellationToken) is { } unchanged)
        {
            progress?.Report(1);
            return new DatasetAddResult(unchanged, false);
        }

        var artifacts = new StagedArtifacts(workspace.Artifacts, workspace.Clock);
        var staging = artifacts.StagingDirectory();
        var ingestor = new TableIngestor(staging);
        var staged = await ingestor.StageAsync(path, format, p => progress?.Report(p), cancellationToken);
        var parquetPath = staged.ParquetPath;
        try
        {
            if (FileStamp.Of(path) != stamp)
            {
                throw RaciflowException.Conflict($"File '{path}' changed while it was being read; add it again once it is written.");
            }

            await Guard(() => cache.RememberAsync(stamp, staged.Hash, cancellationToken));
            if (await FindVersionAsync(name, staged.Hash, cancellationToken) is { } existing)
            {
                progress?.Report(1);
                return new DatasetAddResult(existing, false);
            }

            var statistics = staged.Statistics;
            if (parquetPath is null || statistics is null)
            {
                (parquetPath, statistics) = await ingestor.WriteParquetAsync(staged, p => progress?.Report(p), cancellationToken);
            }

            var sourceKey = ArtifactKey.ContentAddressed("sources", staged.Hash, "." + staged.Format);
            var dataKey = ArtifactKey.ContentAddressed("datasets", staged.Hash, ".parquet");
            await artifacts.PutFileAsync(sourceKey, staged.CopyPath, cancellationToken);
            await artifacts.PutFileAsync(dataKey, parquetPath, cancellationToken);

            var version = new DatasetVersion
            {
                Hash = staged.Hash,
                SourceName = Path.GetFileName(path),
                SourceFormat = staged.Format,
                SizeBytes = staged.SizeBytes,
                RowCount = staged.Rows,
                ColumnCount = staged.Schema.Columns.Count,
                SchemaJson = DatasetJson.Serialize(staged.Schema),
                StatisticsJson = DatasetJson.Serialize(statistics),
                DataKey = dataKey,
                SourceKey = sourceKey,
                CreatedBy = workspace.Actor,
            };
            var result = await Guard(() => new DatasetVersionCommitter(workspace).CommitAsync(name, version, cancellationToken));
            progress?.Report(1);
            return result;
        }
        finally
        {
            TableIngestor.TryDelete(staged.CopyPath);
            if (parquetPath is not null)
            {
                TableIngestor.TryDelete(parquetPath);
            }
        }
    }

    /// <summary>Finds NAME (latest), NAME@NUMBER or NAME@HASHPREFIX (at least 6 hex digits); the version's Dataset is loaded.</summary>
    public async Task<DatasetVersion> ResolveAsync(DatasetRef reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var db = workspace.Metadata.CreateContext();
        var dataset = await Guard(() => db.Set<Dataset>().AsNoTracking().FirstOrDefaultAsync(d => d.Name == reference.Name, cancellationToken));
        if (dataset is null)
        {
            var names = await db.Set<Dataset>().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken);
            throw RaciflowException.NotFound(names.Count == 0
                ? $"Dataset '{reference.Name}' does not exist: there are no datasets yet; add one with 'raciflow data add FILE --name {reference.Name}'."
                : $"Dataset '{reference.Name}' does not exist; datasets are: {string.Join(", ", names)}.");
        }

        var versions = await db.Set<DatasetVersion>().Where(v => v.DatasetId == dataset.Id)
            .OrderBy(v => v.Number).Select(v => new { v.Id, v.Number, v.Hash }).ToListAsync(cancellationToken);
        var wanted = reference.Version;
        var matches = wanted switch
        {
            null => versions.TakeLast(1).ToList(),
            _ when int.TryParse(wanted, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && wanted.Length < 6 =>
                versions.Where(v => v.Number == number).ToList(),
            _ when wanted.Length >= 6 && wanted.All(char.IsAsciiHexDigit) =>
                versions.Where(v => v.Hash.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList(),
            _ => throw RaciflowException.Invalid($"Version '{wanted}' of dataset '{reference.Name}' is neither a version number, 'latest' nor a hash prefix of at least 6 hex digits.", reference.ToString()),
        };
        if (matches.Count > 1)
        {
            throw RaciflowException.Invalid($"Hash prefix '{wanted}' matches versions {string.Join(", ", matches.Select(m => m.Number))} of dataset '{reference.Name}'; give more digits.", reference.ToString());
        }

        if (matches.Count == 0)
        {
            throw RaciflowException.NotFound(versions.Count == 0
                ? $"Dataset '{reference.Name}' has no versions yet."
                : $"Dataset '{reference.Name}' has no version '{wanted}'; its versions are: {string.Join(", ", versions.Select(v => $"{v.Number} ({v.Hash[..12]})"))}.");
        }

        var version = await db.Set<DatasetVersion>().AsNoTracking().Include(v => v.Dataset).FirstAsync(v => v.Id == matches[0].Id, cancellationToken);
        return version;
    }

    /// <summary>Every dataset, by name, with its latest version and version count.</summary>
    public async Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        var datasets = await Guard(() => db.Set<Dataset>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken));
        var counts = await db.Set<DatasetVersion>().GroupBy(v => v.DatasetId)
            .Select(g => new { DatasetId = g.Key, Count = g.Count(), Latest = g.Max(v => v.Number) })
            .ToListAsync(cancellationToken);
        var latestIds = counts.Select(c => (c.DatasetId, c.Latest)).ToList();
        var latest = new Dictionary<long, DatasetVersion>();
        foreach (var (datasetId, number) in latestIds)
        {
            latest[datasetId] = await db.Set<DatasetVersion>().AsNoTracking().FirstAsync(v => v.DatasetId == datasetId && v.Number == number, cancellationToken);
        }

        return datasets.Select(d =>
        {
            var version = latest.GetValueOrDefault(d.Id);
            if (version is not null)
            {
                version.Dataset = d;
            }

            return new DatasetSummary(d, version, counts.FirstOrDefault(c => c.DatasetId == d.Id)?.Count ?? 0);
        }).ToList();
    }

    /// <summary>The versions of one dataset, oldest first.</summary>
    public async Task<IReadOnlyList<DatasetVersion>> VersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var latest = await ResolveAsync(new DatasetRef(DatasetName.Validate(name), null), cancellationToken);
        await using var db = workspace.Metadata.CreateContext();
        var versions = await db.Set<DatasetVersion>().AsNoTracking().Where(v => v.DatasetId == latest.DatasetId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        versions.ForEach(v => v.Dataset = latest.Dataset);
        return versions;
    }

    public DatasetSchema GetSchema(DatasetVersion version) => DatasetJson.Schema(version);

    public IReadOnlyList<ColumnStatistics> GetStatistics(DatasetVersion version) => DatasetJson.Statistics(version);

    /// <summary>Loads a version's Parquet copy into memory, typed by its schema.</summary>
    public async Task<Frame> LoadFrameAsync(DatasetVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var schema = DatasetJson.Schema(version);
        await using var stream = await workspace.Artifacts.OpenReadAsync(version.DataKey, cancellationToken);
        if (stream.CanSeek)
        {
            return await ParquetFrameReader.ReadAsync(stream, schema, cancellationToken);
        }

        // Parquet readers seek to the footer first; a remote stream is spooled to a temporary file that deletes itself.
        await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await stream.CopyToAsync(spool, cancellationToken);
        spool.Position = 0;
        return await ParquetFrameReader.ReadAsync(spool, schema, cancellationToken);
    }

    /// <summary>Compares two versions: added, removed and retyped columns, row counts and column statistics.</summary>
    public async Task<DatasetDiff> DiffAsync(DatasetRef from, DatasetRef to, CancellationToken cancellationToken = default)
    {
        var a = await ResolveAsync(from, cancellationToken);
        var b = await ResolveAsync(to, cancellationToken);
        return DatasetDiffer.Compare(a, b);
    }

    private static string RequireReadableFile(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var path = Path.GetFullPath(file);
        if (Directory.Exists(path))
        {
            throw RaciflowException.Invalid($"'{path}' is a folder; add a CSV or Parquet file.", path);
        }

        if (!File.Exists(path))
        {
            throw new RaciflowException(ErrorKind.NotFound, $"File '{path}' does not exist.") { Location = path };
        }

        return path;
    }

    private async Task<DatasetVersion?> FindVersionAsync(string name, string hash, CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        return await Guard(() => db.Set<DatasetVersion>().AsNoTracking().Include(v => v.Dataset)
            .FirstOrDefaultAsync(v => v.Dataset!.Name == name && v.Hash == hash, cancellationToken));
    }

    /// <summary>Turns metadata store failures into an error that names the store.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is DbException or TimeoutException || (ex is InvalidOperationException && ex.InnerException is DbException))
        {
            throw RaciflowException.Unavailable($"The metadata store {workspace.Metadata.DisplayUri} cannot be reached: {ex.GetBaseException().Message}", ex);
        }
    }

    private async Task Guard(Func<Task> action) => await Guard(async () =>
    {
        await action();
        return true;
    });
}
