using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raciflow.Data;
using Raciflow.Tracking;

namespace Raciflow.Registry;

internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> b)
    {
        b.ToTable("registered_models");
        b.HasIndex(m => m.Name).IsUnique();
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.CreatedBy).HasMaxLength(200);
        b.HasMany(m => m.Versions).WithOne(v => v.Model).HasForeignKey(v => v.ModelId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Aliases).WithOne().HasForeignKey(a => a.ModelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> b)
    {
        b.ToTable("model_versions");
        b.HasIndex(v => new { v.ModelId, v.Number }).IsUnique();
        b.HasIndex(v => v.RunId);
        b.HasIndex(v => v.DatasetVersionId);
        b.Property(v => v.RunId).HasMaxLength(32);
        b.Property(v => v.Algorithm).HasMaxLength(100);
        b.Property(v => v.Task).HasMaxLength(20);
        b.Property(v => v.Target).HasMaxLength(200);
        b.Property(v => v.BundleKey).HasMaxLength(400);
        b.Property(v => v.BundleSha256).HasMaxLength(64);
        b.Property(v => v.CreatedBy).HasMaxLength(200);
        b.Ignore(v => v.Label);
        b.HasOne<Run>().WithMany().HasForeignKey(v => v.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DatasetVersion>().WithMany().HasForeignKey(v => v.DatasetVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DatasetSplit>().WithMany().HasForeignKey(v => v.SplitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModelAliasConfiguration : IEntityTypeConfiguration<ModelAlias>
{
    public void Configure(EntityTypeBuilder<ModelAlias> b)
    {
        b.ToTable("model_aliases");
        b.HasKey(a => new { a.ModelId, a.Alias });
        b.Property(a => a.Alias).HasMaxLength(100);
        b.Property(a => a.UpdatedBy).HasMaxLength(200);
        b.HasOne<ModelVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AliasMoveConfiguration : IEntityTypeConfiguration<AliasMove>
{
    public void Configure(EntityTypeBuilder<AliasMove> b)
    {
        b.ToTable("model_alias_moves");
        b.HasIndex(m => new { m.ModelId, m.Alias, m.Id });
        b.Property(m => m.Alias).HasMaxLength(100);
        b.Property(m => m.MovedBy).HasMaxLength(200);
        b.Property(m => m.Reason).HasMaxLength(400);
        b.HasOne<RegisteredModel>().WithMany().HasForeignKey(m => m.ModelId).OnDelete(DeleteBehavior.Restrict);
    }
}
