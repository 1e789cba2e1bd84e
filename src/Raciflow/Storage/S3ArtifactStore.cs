using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Raciflow.Storage;

/// <summary>
/// Artifacts in an S3-compatible bucket (AWS, MinIO, Ceph, moto). A PUT is atomic in S3, so an object is
/// either absent or complete. Endpoint and credentials come from the usual AWS environment variables.
/// </summary>
public sealed class S3ArtifactStore : IArtifactStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _prefix;

    public S3ArtifactStore(IAmazonS3 client, string bucket, string prefix)
    {
        _client = client;
        _bucket = bucket;
        _prefix = string.IsNullOrEmpty(prefix) ? string.Empty : prefix.Trim('/') + "/";
        Location = new Uri($"s3://{bucket}/{_prefix}");
    }

    public Uri Location { get; }

    /// <summary>Builds a client from AWS_* environment variables; AWS_ENDPOINT_URL(_S3) selects a non-AWS server.</summary>
    public static S3ArtifactStore FromUri(Uri uri)
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1";
        var config = new AmazonS3Config { ForcePathStyle = true, MaxErrorRetry = 2, Timeout = TimeSpan.FromSeconds(30) };
        var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        if (!string.IsNullOrEmpty(endpoint))
        {
            // A custom endpoint (MinIO, Ceph, moto) replaces the region's; the region still signs requests.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }

        var accessKey = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secretKey = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        IAmazonS3 client = !string.IsNullOrEmpty(accessKey) && !string.IsNullOrEmpty(secretKey)
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config)
            : new AmazonS3Client(config);
        return new S3ArtifactStore(client, uri.Host, uri.AbsolutePath.Trim('/'));
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        // The SDK needs a length or a seekable stream; buffer small unseekable streams, spool big ones to disk.
        Stream body = content;
        string? spool = null;
        if (!content.CanSeek)
        {
            spool = Path.GetTempFileName();
            var file = new FileStream(spool, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await content.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            body = file;
        }

        try
        {
            await Call(key, () => _client.PutObjectAsync(
                new PutObjectRequest { BucketName = _bucket, Key = ObjectKey(key), InputStream = body, AutoCloseStream = false, UseChunkEncoding = false },
                cancellationToken));
        }
        finally
        {
            if (spool is not null)
            {
                await body.DisposeAsync();
            }
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var response = await Call(key, () => _client.GetObjectAsync(_bucket, ObjectKey(key), cancellationToken));
        return response.ResponseStream;
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await Call(key, () => _client.GetObjectMetadataAsync(_bucket, ObjectKey(key), cancellationToken));
            return true;
        }
        catch (RaciflowException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        Call(key, () => _client.DeleteObjectAsync(_bucket, ObjectKey(key), cancellationToken));

    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix };
        ListObjectsV2Response response;
        do
        {
            response = await Call(prefix, () => _client.ListObjectsV2Async(request, cancellationToken));
            foreach (var o in response.S3Objects ?? [])
            {
                yield return new ArtifactInfo(o.Key[_prefix.Length..], o.Size ?? 0);
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    public void Dispose() => _client.Dispose();

    private string ObjectKey(string key) => _prefix + ArtifactKey.Validate(key);

    private async Task<T> Call<T>(string key, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw RaciflowException.NotFound($"Artifact '{key}' does not exist in {Location} ({ex.ErrorCode ?? "NotFound"}).");
        }
        catch (AmazonServiceException ex)
        {
            throw RaciflowException.Unavailable($"The artifact store {Location} refused '{key}': {ex.ErrorCode} {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or AmazonClientException or TaskCanceledException or IOException)
        {
            throw RaciflowException.Unavailable($"The artifact store {Location} cannot be reached: {ex.Message}", ex);
        }
    }
}
