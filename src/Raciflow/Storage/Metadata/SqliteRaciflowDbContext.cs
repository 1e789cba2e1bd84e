using Microsoft.EntityFrameworkCore;

namespace Raciflow.Storage.Metadata;

/// <summary>The metadata model on SQLite; exists as its own type so its migrations are kept apart from PostgreSQL's.</summary>
public sealed class SqliteRaciflowDbContext(DbContextOptions<SqliteRaciflowDbContext> options) : RaciflowDbContext(options);
