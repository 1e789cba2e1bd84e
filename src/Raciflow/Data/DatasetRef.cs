namespace Raciflow.Data;

/// <summary>
/// A reference to a dataset version as users write it: <c>NAME</c> (latest), <c>NAME@latest</c>,
/// <c>NAME@3</c> (version number) or <c>NAME@ab12cd</c> (a prefix of at least 6 characters of the content hash).
/// </summary>
public sealed record DatasetRef(string Name, string? Version)
{
    public static DatasetRef Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var name = at < 0 ? text : text[..at];
        var version = at < 0 ? null : text[(at + 1)..];
        DatasetName.Validate(name);
        if (version is not null && version.Length == 0)
        {
            throw RaciflowException.Invalid($"Dataset reference '{text}' has an empty version after '@'; use NAME, NAME@latest, NAME@NUMBER or NAME@HASH.", text);
        }

        return new DatasetRef(name, version is null || version == "latest" ? null : version);
    }

    public override string ToString() => Version is null ? Name : $"{Name}@{Version}";
}
