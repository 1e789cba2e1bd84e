using Microsoft.EntityFrameworkCore;
using Raciflow.Data;
using Raciflow.Storage;
using Raciflow.Storage.Metadata;
using Raciflow.Workspaces;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Reads the logged predictions of a model over a time window [from, to): finds the files through the index in
/// the metadata store (never by listing the artifact store), then keeps the rows inside the window.
/// </summary>
public sealed class PredictionLogReader(IArtifactStore artifacts, MetadataStore metadata)
{
    public PredictionLogReader(Workspace workspace)
        : this(workspace.Artifacts, workspace.Metadata)
    {
    }

    /// <summary>The indexed files of a model (optionally one version) that may hold predictions in [from, to).</summary>
    public async Task<IReadOnlyList<PredictionLogFile>> FilesAsync(string model, int? version, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ModelNames.Validate(model);
        var start = LogTime.Of(from);
        var end = LogTime.Of(to);
        await using var db = metadata.CreateContext();
        var query = db.Set<PredictionLogFile>().AsNoTracking().Where(f => f.Model == model && f.FirstTime < end && f.LastTime >= start);
        if (version is { } v)
        {
            query = query.Where(f => f.Version == v);
        }

        return await query.OrderBy(f => f.FirstTime).ThenBy(f => f.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Every logged prediction (failed requests included) in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<LoggedPrediction>> ReadAsync(string model, int? version, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (to <= from)
        {
            throw RaciflowException.Invalid($"The window must end after it starts (from {from:O}, to {to:O}).");
        }

        var start = LogTime.Of(from);
        var end = LogTime.Of(to);
        return await ReadFilesAsync(await FilesAsync(model, version, from, to, cancellationToken), r => r.Time >= start && r.Time < end, cancellationToken);
    }

    /// <summary>
    /// The newest <paramref name="maxRows"/> logged predictions in [from, to), oldest first: files are read newest
    /// first and reading stops once enough rows are in, so what a scheduled check holds in memory does not grow with
    /// the traffic (an hour at 30,000 requests/s is 108 million rows).
    /// </summary>
    public async Task<IReadOnlyList<LoggedPrediction>> ReadNewestAsync(string model, int? version, DateTimeOffset from, DateTimeOffset to, int maxRows, Func<LoggedPrediction, bool>? where = null, CancellationToken cancellationToken = default)
    {
        if (to <= from)
        {
            throw RaciflowException.Invalid($"The window must end after it starts (from {from:O}, to {to:O}).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var start = LogTime.Of(from);
        var end = LogTime.Of(to);
        var files = (await FilesAsync(model, version, from, to, cancellationToken)).OrderByDescending(f => f.LastTime).ThenByDescending(f => f.Id);
        var rows = await ReadFilesAsync(files, r => r.Time >= start && r.Time < end && (where is null || where(r)), cancellationToken, maxRows);
        return rows.Count <= maxRows ? rows : rows.Skip(rows.Count - maxRows).ToList();
    }

    /// <summary>Every logged prediction of a model, whatever its time (feedback checks keys against all of them).</summary>
    internal async Task<IReadOnlyList<LoggedPrediction>> ReadAllAsync(string model, CancellationToken cancellationToken)
    {
        ModelNames.Validate(model);
        List<PredictionLogFile> files;
        await using (var db = metadata.CreateContext())
        {
            files = await db.Set<PredictionLogFile>().AsNoTracking().Where(f => f.Model == model).OrderBy(f => f.FirstTime).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        }

        return await ReadFilesAsync(files, _ => true, cancellationToken);
    }

    private async Task<IReadOnlyList<LoggedPrediction>> ReadFilesAsync(IEnumerable<PredictionLogFile> files, Func<LoggedPrediction, bool> keep, CancellationToken cancellationToken, int? enough = null)
    {
        var rows = new List<LoggedPrediction>();
        foreach (var file in files)
        {
            if (rows.Count >= enough)
            {
                break;
            }

            using var buffer = new MemoryStream();
            await using (var stream = await artifacts.OpenReadAsync(file.ArtifactKey, cancellationToken))
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }

            buffer.Position = 0;
            var fileRows = await PredictionLogParquet.ReadAsync(buffer, file.Model, file.Version, cancellationToken);
            rows.AddRange(fileRows.Where(keep));
        }

        rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.RequestId, b.RequestId));
        return rows;
    }

    /// <summary>
    /// The successful predictions in [from, to) as a frame for drift analysis: one column per input (numeric when
    /// every logged value was a number, else categorical), then <c>prediction</c> (the value, or the label),
    /// <c>request_id</c> and <c>time</c>. An input that shares a name with one of those is read as <c>input:NAME</c>.
    /// With <paramref name="maxRows"/>, only the newest that many. Predictions made with the web form are left out
    /// unless <paramref name="includeWebForm"/>: people trying the form are not the traffic the model serves.
    /// </summary>
    public async Task<Frame> ReadFrameAsync(string model, int? version, DateTimeOffset from, DateTimeOffset to, int? maxRows = null, bool includeWebForm = false, CancellationToken cancellationToken = default)
    {
        bool Keep(LoggedPrediction r) => r.Status == PredictionStatus.Ok && (includeWebForm || r.Source != Serving.PredictionSource.WebForm);
        var rows = maxRows is { } limit
            ? [.. await ReadNewestAsync(model, version, from, to, limit, Keep, cancellationToken)]
            : (await ReadAsync(model, version, from, to, cancellationToken)).Where(Keep).ToList();
        return PredictionFrame.Build(rows);
    }
}
