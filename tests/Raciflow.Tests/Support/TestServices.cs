using Amazon.Runtime;
using Amazon.S3;
using Npgsql;

namespace Raciflow.Tests.Support;

/// <summary>
/// The real PostgreSQL and S3-compatible servers that ./test.sh starts on loopback. When they are missing the
/// integration tests fail (they never skip silently), naming the command that starts them.
/// </summary>
public static class TestServices
{
    public const string Integration = "Integration";

    public static string PostgresUri => Require("RACIFLOW_TEST_POSTGRES");

    public static string S3Endpoint => Require("RACIFLOW_TEST_S3_ENDPOINT");

    /// <summary>Creates an empty database for one test and returns its URI.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var admin = Require("RACIFLOW_TEST_POSTGRES_ADMIN");
        var name = "rf_" + Guid.NewGuid().ToString("N")[..16];
        var (connection, _) = Raciflow.Storage.Metadata.MetadataStore.PostgresConnectionString(admin);
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        await cmd.ExecuteNonQueryAsync();
        return admin[..admin.LastIndexOf('/')] + "/" + name;
    }

    /// <summary>Points the AWS variables at the test server and creates a fresh bucket; returns its s3:// URI.</summary>
    public static async Task<string> CreateS3BucketAsync()
    {
        ConfigureS3Environment();
        var bucket = "rf-" + Guid.NewGuid().ToString("N")[..16];
        using var client = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = S3Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await client.PutBucketAsync(bucket);
        return $"s3://{bucket}/artifacts";
    }

    public static void ConfigureS3Environment()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", S3Endpoint);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with ./test.sh, which starts PostgreSQL and an S3 server on loopback.");
}
