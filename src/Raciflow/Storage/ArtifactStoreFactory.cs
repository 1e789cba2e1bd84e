namespace Raciflow.Storage;

/// <summary>Opens an artifact store from a URI: <c>file:PATH</c> (or a bare path) or <c>s3://bucket/prefix</c>.</summary>
public static class ArtifactStoreFactory
{
    public static IArtifactStore Open(string uri, string baseDirectory)
    {
        if (uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var parsed = new Uri(uri);
            if (string.IsNullOrEmpty(parsed.Host))
            {
                throw RaciflowException.Invalid($"Artifact store URI '{uri}' names no bucket; expected s3://BUCKET[/PREFIX].", uri);
            }

            return S3ArtifactStore.FromUri(parsed);
        }

        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri["file:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            return new LocalArtifactStore(Path.Combine(baseDirectory, path));
        }

        if (uri.Contains("://", StringComparison.Ordinal))
        {
            throw RaciflowException.Invalid($"Unsupported artifact store URI '{uri}'; use file:PATH or s3://BUCKET/PREFIX.", uri);
        }

        return new LocalArtifactStore(Path.Combine(baseDirectory, uri));
    }
}
