namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Times as the prediction log keeps them: UTC, whole microseconds (PostgreSQL's precision and the files'
/// unit), so a time written and read back compares equal on both stores.
/// </summary>
internal static class LogTime
{
    public static DateTime Of(DateTimeOffset time) => FromMicroseconds(ToMicroseconds(time));

    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTime FromMicroseconds(long micros) => new(DateTime.UnixEpoch.Ticks + (micros * 10), DateTimeKind.Utc);
}
