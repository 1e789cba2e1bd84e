using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Raciflow.Storage.Metadata;

/// <summary>
/// The one metadata model shared by the SQLite and PostgreSQL stores. Each capability folder adds its
/// entities through an <see cref="IEntityTypeConfiguration{TEntity}"/> of its own, picked up here, so no
/// capability has to edit this file. Use <c>Set&lt;T&gt;()</c> to query.
/// </summary>
public abstract class RaciflowDbContext : DbContext
{
    protected RaciflowDbContext(DbContextOptions options)
        : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RaciflowDbContext).Assembly);

        // Every timestamp is UTC; SQLite forgets the kind, so restore it on the way out.
        var utc = new ValueConverter<DateTime, DateTime>(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(
            v => v.HasValue ? v.Value.ToUniversalTime() : v,
            v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime))
            {
                property.SetValueConverter(utc);
            }
            else if (property.ClrType == typeof(DateTime?))
            {
                property.SetValueConverter(utcNullable);
            }
        }
    }
}
