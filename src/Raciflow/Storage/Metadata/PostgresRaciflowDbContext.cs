using Microsoft.EntityFrameworkCore;

namespace Raciflow.Storage.Metadata;

/// <summary>The metadata model on PostgreSQL; exists as its own type so its migrations are kept apart from SQLite's.</summary>
public sealed class PostgresRaciflowDbContext(DbContextOptions<PostgresRaciflowDbContext> options) : RaciflowDbContext(options);
