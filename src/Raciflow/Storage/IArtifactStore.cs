namespace Raciflow.Storage;

/// <summary>
/// Where immutable and mutable blobs (datasets, reports, model bundles) live, apart from metadata.
/// Keys are relative, '/'-separated paths. A write becomes visible only once it is complete.
/// </summary>
public interface IArtifactStore
{
    /// <summary>The URI this store was opened from, e.g. <c>file:/data/artifacts</c> or <c>s3://bucket/prefix</c>.</summary>
    Uri Location { get; }

    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing any earlier object atomically.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens an object for reading; throws a not-found <see cref="RaciflowException"/> when missing.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Lists keys under a prefix, in ordinal order.</summary>
    IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
