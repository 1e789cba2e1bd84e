using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Storage;

/// <summary>
/// The database schema is a reviewed artifact: a fresh database of each provider, migrated, must match the
/// snapshot committed in docs/schema/. After an intended model change, regenerate the migrations and run the
/// tests once with RACIFLOW_UPDATE_SCHEMA_SNAPSHOTS=1, then review the snapshot diff.
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class SchemaSnapshotTests
{
    [Theory]
    [InlineData(StoreKind.Local, "sqlite.txt")]
    [InlineData(StoreKind.Production, "postgres.txt")]
    public async Task AFreshlyMigratedDatabaseMatchesTheCommittedSchemaSnapshot(StoreKind kind, string snapshotFile)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using var db = ws.Workspace.Metadata.CreateContext();
        var actual = await DescribeAsync(db, kind);

        var path = Path.Combine(RepositoryPaths.Root, "docs", "schema", snapshotFile);
        if (Environment.GetEnvironmentVariable("RACIFLOW_UPDATE_SCHEMA_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), $"No schema snapshot at {path}; run the tests with RACIFLOW_UPDATE_SCHEMA_SNAPSHOTS=1.");
        Assert.Equal(await File.ReadAllTextAsync(path), actual);
    }

    private static async Task<string> DescribeAsync(DbContext db, StoreKind kind)
    {
        var query = kind == StoreKind.Local
            ? """
              SELECT m.name, p.name || ' ' || p.type || CASE WHEN p."notnull" = 1 THEN ' not null' ELSE '' END || CASE WHEN p.pk > 0 THEN ' pk' ELSE '' END
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__EFMigrationsHistory'
              UNION ALL
              SELECT tbl_name, 'index ' || name || ': ' || sql FROM sqlite_master
              WHERE type = 'index' AND sql IS NOT NULL
              ORDER BY 1, 2
              """
            : """
              SELECT table_name::text, column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
              UNION ALL
              SELECT tablename::text, 'index ' || indexname || ': ' || regexp_replace(indexdef, ' ON [^ ]+ ', ' ON ') FROM pg_indexes
              WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
              ORDER BY 1, 2
              """;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        var text = new StringBuilder();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        string? table = null;
        while (await reader.ReadAsync())
        {
            var t = reader.GetString(0);
            if (t != table)
            {
                text.Append(table is null ? string.Empty : "\n").Append(t).Append('\n');
                table = t;
            }

            text.Append("  ").Append(reader.GetString(1)).Append('\n');
        }

        return text.ToString();
    }
}
