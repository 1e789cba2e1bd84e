namespace Raciflow.Tests.Support;

/// <summary>Which metadata and artifact stores a test runs against; theories run each test on every pair that matters.</summary>
public enum StoreKind
{
    /// <summary>SQLite metadata and local-disk artifacts: the embedded default.</summary>
    Local,

    /// <summary>PostgreSQL metadata and S3 artifacts: the production pair.</summary>
    Production,
}
