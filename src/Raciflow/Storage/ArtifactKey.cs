namespace Raciflow.Storage;

/// <summary>Validates and builds artifact keys so that no key escapes its store (no '..', no absolute paths).</summary>
public static class ArtifactKey
{
    /// <summary>Content-addressed key, DVC-style: <c>{area}/ab/cdef…</c>.</summary>
    public static string ContentAddressed(string area, string sha256Hex, string suffix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256Hex);
        return $"{area}/{sha256Hex[..2]}/{sha256Hex[2..]}{suffix}";
    }

    public static string Validate(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw RaciflowException.Invalid("An artifact key must not be empty.");
        }

        var normalised = key.Replace('\\', '/');
        if (normalised.StartsWith('/') || normalised.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw RaciflowException.Invalid($"Artifact key '{key}' must be a relative path without '.', '..' or empty segments.", key);
        }

        if (normalised.Any(char.IsControl))
        {
            throw RaciflowException.Invalid($"Artifact key '{key}' contains control characters.", key);
        }

        return normalised;
    }
}
