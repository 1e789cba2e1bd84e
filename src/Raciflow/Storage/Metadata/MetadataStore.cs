using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Raciflow.Storage.Metadata;

/// <summary>
/// The metadata store named by a URI: <c>sqlite:PATH</c> (embedded default) or
/// <c>postgres://user:pass@host:port/db</c> (production). Hands out short-lived contexts over the same model.
/// </summary>
public sealed class MetadataStore
{
    private readonly Func<RaciflowDbContext> _factory;

    private MetadataStore(string displayUri, MetadataProvider provider, Func<RaciflowDbContext> factory)
    {
        DisplayUri = displayUri;
        Provider = provider;
        _factory = factory;
    }

    /// <summary>The URI with any password masked, safe to print.</summary>
    public string DisplayUri { get; }

    public MetadataProvider Provider { get; }

    public static MetadataStore Open(string uri, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri["sqlite:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (path.Length == 0)
            {
                throw RaciflowException.Invalid($"Metadata store URI '{uri}' names no file; expected sqlite:PATH.", uri);
            }

            var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
            var connection = new SqliteConnectionStringBuilder { DataSource = full, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30 }.ToString();
            var options = new DbContextOptionsBuilder<SqliteRaciflowDbContext>().UseSqlite(connection).UseSnakeCaseNamingConvention().Options;
            return new MetadataStore("sqlite:" + full, MetadataProvider.Sqlite, () => new SqliteRaciflowDbContext(options));
        }

        if (uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var (connection, display) = PostgresConnectionString(uri);
            var options = new DbContextOptionsBuilder<PostgresRaciflowDbContext>().UseNpgsql(connection).UseSnakeCaseNamingConvention().Options;
            return new MetadataStore(display, MetadataProvider.Postgres, () => new PostgresRaciflowDbContext(options));
        }

        throw RaciflowException.Invalid($"Unsupported metadata store URI '{Mask(uri)}'; use sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB.", Mask(uri));
    }

    public RaciflowDbContext CreateContext() => _factory();

    /// <summary>Applies checked-in migrations; maps connection failures to an error naming the store.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        try
        {
            if (Provider == MetadataProvider.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (Provider == MetadataProvider.Sqlite)
            {
                // WAL lets readers (the server) and a writer (the CLI) work at once; it persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw RaciflowException.Unavailable($"The metadata store {DisplayUri} cannot be opened: {ex.GetBaseException().Message}", ex);
        }
    }

    internal static (string Connection, string Display) PostgresConnectionString(string uri)
    {
        Uri parsed;
        try
        {
            parsed = new Uri(uri);
        }
        catch (UriFormatException ex)
        {
            throw RaciflowException.Invalid($"Metadata store URI '{Mask(uri)}' is malformed: {ex.Message}", Mask(uri));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port <= 0 ? 5432 : parsed.Port,
            Database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/')),
            Timeout = 10,
        };
        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            var parts = parsed.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw RaciflowException.Invalid($"Metadata store URI '{Mask(uri)}' names no database; expected postgres://USER:PASS@HOST:PORT/DB.", Mask(uri));
        }

        return (builder.ConnectionString, Mask(uri));
    }

    /// <summary>Hides the password of a URI so it can appear in messages and logs.</summary>
    public static string Mask(string uri)
    {
        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme)
        {
            return uri;
        }

        var userInfo = uri[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? uri : uri[..(scheme + 3)] + userInfo[..colon] + ":***" + uri[at..];
    }
}
