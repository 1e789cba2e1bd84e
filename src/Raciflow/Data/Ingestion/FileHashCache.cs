using Microsoft.EntityFrameworkCore;
using Raciflow.Storage.Metadata;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// Remembers the hash of a local file by full path, size and modification time (as DVC does), so re-adding an
/// unchanged file is a metadata lookup instead of a full read.
/// </summary>
internal sealed class FileHashCache(MetadataStore metadata)
{
    public async Task<string?> LookupAsync(FileStamp stamp, CancellationToken cancellationToken)
    {
        await using var db = metadata.CreateContext();
        var entry = await db.Set<FileHashEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Path == stamp.Path, cancellationToken);
        return entry is not null && entry.Size == stamp.Size && entry.ModifiedTicks == stamp.ModifiedTicks ? entry.Hash : null;
    }

    public async Task RememberAsync(FileStamp stamp, string hash, CancellationToken cancellationToken)
    {
        await using var db = metadata.CreateContext();
        var entry = await db.Set<FileHashEntry>().FirstOrDefaultAsync(e => e.Path == stamp.Path, cancellationToken);
        if (entry is null)
        {
            db.Add(new FileHashEntry { Path = stamp.Path, Size = stamp.Size, ModifiedTicks = stamp.ModifiedTicks, Hash = hash });
        }
        else
        {
            entry.Size = stamp.Size;
            entry.ModifiedTicks = stamp.ModifiedTicks;
            entry.Hash = hash;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another add of the same file recorded it first; the cache is only a shortcut, so either entry will do.
        }
    }
}
