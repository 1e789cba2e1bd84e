using Microsoft.EntityFrameworkCore;
using Raciflow.Storage.Metadata;

namespace Raciflow.Governance.Notifications;

/// <summary>A member's in-app inbox: list items and mark them read.</summary>
public static class InboxService
{
    public static async Task<IReadOnlyList<InboxItem>> ListAsync(MetadataStore store, string member, bool unreadOnly, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var db = store.CreateContext();
        var items = db.Set<InboxItem>().AsNoTracking().Where(i => i.Member == member);
        if (unreadOnly)
        {
            items = items.Where(i => i.ReadAt == null);
        }

        return await items.OrderByDescending(i => i.Id).Take(Math.Max(1, limit)).ToListAsync(cancellationToken);
    }

    /// <summary>Marks the member's items read (all unread ones when <paramref name="ids"/> is empty); returns how many.</summary>
    public static async Task<int> MarkReadAsync(MetadataStore store, string member, IReadOnlyCollection<long> ids, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = store.CreateContext();
        var items = db.Set<InboxItem>().Where(i => i.Member == member && i.ReadAt == null);
        if (ids.Count > 0)
        {
            var missing = ids.Except(await db.Set<InboxItem>().Where(i => i.Member == member && ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToList();
            if (missing.Count > 0)
            {
                throw RaciflowException.NotFound($"{member} has no inbox item {string.Join(", ", missing)}.");
            }

            items = items.Where(i => ids.Contains(i.Id));
        }

        return await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), cancellationToken);
    }
}
