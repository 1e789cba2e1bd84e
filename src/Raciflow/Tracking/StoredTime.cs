namespace Raciflow.Tracking;

/// <summary>
/// Times as the stores keep them: UTC, whole microseconds (PostgreSQL's precision), so a value returned right
/// after writing equals the value read back later on both providers.
/// </summary>
internal static class StoredTime
{
    public static DateTime Of(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    public static DateTime Now(Workspaces.Workspace workspace) => Of(workspace.UtcNow);
}
