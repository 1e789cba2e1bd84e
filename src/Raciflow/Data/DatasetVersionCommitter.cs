using Microsoft.EntityFrameworkCore;
using Raciflow.Workspaces;

namespace Raciflow.Data;

/// <summary>Records a new dataset version once its artifacts are stored, numbering it safely under concurrent adds.</summary>
internal sealed class DatasetVersionCommitter(Workspace workspace)
{
    private const int CommitAttempts = 5;

    /// <summary>
    /// Inserts the version as the dataset's next number. A concurrent add may take the number or the same content
    /// first (unique indexes); then we look again: same content returns that version, else we retry with the next number.
    /// </summary>
    public async Task<DatasetAddResult> CommitAsync(string name, DatasetVersion version, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = workspace.Metadata.CreateContext();
            var dataset = await db.Set<Dataset>().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
            if (dataset is null)
            {
                dataset = new Dataset { Name = name, CreatedAt = workspace.UtcNow, CreatedBy = workspace.Actor };
                db.Add(dataset);
            }
            else if (await db.Set<DatasetVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.DatasetId == dataset.Id && v.Hash == version.Hash, cancellationToken) is { } same)
            {
                same.Dataset = dataset;
                return new DatasetAddResult(same, false);
            }

            var latest = dataset.Id == 0 ? null : await db.Set<DatasetVersion>().AsNoTracking()
                .Where(v => v.DatasetId == dataset.Id).OrderByDescending(v => v.Number).Select(v => new { v.Id, v.Number }).FirstOrDefaultAsync(cancellationToken);
            var row = Copy(version);
            row.Dataset = dataset;
            row.Number = (latest?.Number ?? 0) + 1;
            row.ParentId = latest?.Id;
            row.CreatedAt = workspace.UtcNow;
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new DatasetAddResult(row, true);
            }
            catch (DbUpdateException) when (attempt < CommitAttempts)
            {
                // Lost a race on a unique index; the next attempt sees the winner's rows.
            }
            catch (DbUpdateException ex)
            {
                throw RaciflowException.Conflict($"Could not record a new version of dataset '{name}' after {CommitAttempts} attempts: {ex.GetBaseException().Message}");
            }
        }
    }

    private static DatasetVersion Copy(DatasetVersion v) => new()
    {
        Hash = v.Hash,
        SourceName = v.SourceName,
        SourceFormat = v.SourceFormat,
        SizeBytes = v.SizeBytes,
        RowCount = v.RowCount,
        ColumnCount = v.ColumnCount,
        SchemaJson = v.SchemaJson,
        StatisticsJson = v.StatisticsJson,
        DataKey = v.DataKey,
        SourceKey = v.SourceKey,
        CreatedBy = v.CreatedBy,
    };
}
