using Microsoft.EntityFrameworkCore.Design;

namespace Raciflow.Storage.Metadata;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without a workspace.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRaciflowDbContext>
{
    public SqliteRaciflowDbContext CreateDbContext(string[] args) =>
        (SqliteRaciflowDbContext)MetadataStore.Open("sqlite:design-time.db", Path.GetTempPath()).CreateContext();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRaciflowDbContext>
{
    public PostgresRaciflowDbContext CreateDbContext(string[] args) =>
        (PostgresRaciflowDbContext)MetadataStore.Open("postgres://design:time@localhost:5432/design", Path.GetTempPath()).CreateContext();
}
