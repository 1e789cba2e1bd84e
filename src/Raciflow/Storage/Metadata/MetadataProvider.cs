namespace Raciflow.Storage.Metadata;

/// <summary>Which database engine backs the metadata store.</summary>
public enum MetadataProvider
{
    Sqlite,
    Postgres,
}
