using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raciflow.Data;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> b)
    {
        b.ToTable("datasets");
        b.HasIndex(d => d.Name).IsUnique();
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.CreatedBy).HasMaxLength(200);
        b.HasMany(d => d.Versions).WithOne(v => v.Dataset).HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DatasetVersionConfiguration : IEntityTypeConfiguration<DatasetVersion>
{
    public void Configure(EntityTypeBuilder<DatasetVersion> b)
    {
        b.ToTable("dataset_versions");
        b.HasIndex(v => new { v.DatasetId, v.Number }).IsUnique();
        b.HasIndex(v => new { v.DatasetId, v.Hash }).IsUnique();
        b.HasIndex(v => v.Hash);
        b.Property(v => v.Hash).HasMaxLength(64);
        b.Property(v => v.SourceName).HasMaxLength(400);
        b.Property(v => v.SourceFormat).HasMaxLength(20);
        b.Property(v => v.DataKey).HasMaxLength(400);
        b.Property(v => v.SourceKey).HasMaxLength(400);
        b.Property(v => v.CreatedBy).HasMaxLength(200);
        b.Ignore(v => v.Label);
        b.HasOne<DatasetVersion>().WithMany().HasForeignKey(v => v.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DatasetValidationConfiguration : IEntityTypeConfiguration<DatasetValidation>
{
    public void Configure(EntityTypeBuilder<DatasetValidation> b)
    {
        b.ToTable("dataset_validations");
        b.HasIndex(v => v.DatasetVersionId);
        b.Property(v => v.ExpectationsHash).HasMaxLength(64);
        b.Property(v => v.CreatedBy).HasMaxLength(200);
        b.HasOne<DatasetVersion>().WithMany().HasForeignKey(v => v.DatasetVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DatasetSplitConfiguration : IEntityTypeConfiguration<DatasetSplit>
{
    public void Configure(EntityTypeBuilder<DatasetSplit> b)
    {
        b.ToTable("dataset_splits");
        b.HasIndex(s => new { s.DatasetVersionId, s.Hash }).IsUnique();
        b.Property(s => s.Hash).HasMaxLength(64);
        b.Property(s => s.IndicesKey).HasMaxLength(400);
        b.Property(s => s.StratifyColumn).HasMaxLength(200);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
        b.HasOne<DatasetVersion>().WithMany().HasForeignKey(s => s.DatasetVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FileHashEntryConfiguration : IEntityTypeConfiguration<FileHashEntry>
{
    public void Configure(EntityTypeBuilder<FileHashEntry> b)
    {
        b.ToTable("file_hash_cache");
        b.HasKey(e => e.Path);
        b.Property(e => e.Path).HasMaxLength(1000);
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}
