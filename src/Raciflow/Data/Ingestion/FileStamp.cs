namespace Raciflow.Data.Ingestion;

/// <summary>A file's identity for the hash cache: full path, size and last write time (UTC ticks).</summary>
internal sealed record FileStamp(string Path, long Size, long ModifiedTicks)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return new FileStamp(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
