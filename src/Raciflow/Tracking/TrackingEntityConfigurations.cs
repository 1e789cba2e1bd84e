using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raciflow.Data;

namespace Raciflow.Tracking;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.ToTable("experiments");
        b.HasIndex(e => e.Name).IsUnique();
        b.Property(e => e.Name).HasMaxLength(TrackingLimits.NameLength);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.Property(e => e.Tags).HasConversion(StringDictionaryConversion.Converter, StringDictionaryConversion.Comparer);
        b.HasMany(e => e.Runs).WithOne(r => r.Experiment).HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> b)
    {
        b.ToTable("runs");
        b.Property(r => r.Id).HasMaxLength(32);
        b.Property(r => r.ParentRunId).HasMaxLength(32);
        b.Property(r => r.Name).HasMaxLength(TrackingLimits.NameLength);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.StartedBy).HasMaxLength(200);
        b.Property(r => r.GitCommit).HasMaxLength(64);
        b.Property(r => r.ProjectFileSha256).HasMaxLength(64);
        b.Property(r => r.PackageVersions).HasConversion(StringDictionaryConversion.Converter, StringDictionaryConversion.Comparer);
        b.HasIndex(r => new { r.ExperimentId, r.StartTime });
        b.HasIndex(r => r.ParentRunId);
        b.HasOne<Run>().WithMany().HasForeignKey(r => r.ParentRunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DatasetVersion>().WithMany().HasForeignKey(r => r.DatasetVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DatasetSplit>().WithMany().HasForeignKey(r => r.SplitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Params).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.LatestMetrics).WithOne().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Tags).WithOne().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Artifacts).WithOne().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunParamConfiguration : IEntityTypeConfiguration<RunParam>
{
    public void Configure(EntityTypeBuilder<RunParam> b)
    {
        b.ToTable("run_params");
        b.HasKey(p => new { p.RunId, p.Key });
        b.Property(p => p.RunId).HasMaxLength(32);
        b.Property(p => p.Key).HasMaxLength(TrackingLimits.KeyLength);
    }
}

internal sealed class RunTagConfiguration : IEntityTypeConfiguration<RunTag>
{
    public void Configure(EntityTypeBuilder<RunTag> b)
    {
        b.ToTable("run_tags");
        b.HasKey(t => new { t.RunId, t.Key });
        b.Property(t => t.RunId).HasMaxLength(32);
        b.Property(t => t.Key).HasMaxLength(TrackingLimits.KeyLength);
    }
}

internal sealed class RunMetricConfiguration : IEntityTypeConfiguration<RunMetric>
{
    public void Configure(EntityTypeBuilder<RunMetric> b)
    {
        b.ToTable("run_metrics");
        b.Property(m => m.RunId).HasMaxLength(32);
        b.Property(m => m.Key).HasMaxLength(TrackingLimits.KeyLength);
        b.HasIndex(m => new { m.RunId, m.Key, m.Step });
        b.HasOne<Run>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunLatestMetricConfiguration : IEntityTypeConfiguration<RunLatestMetric>
{
    public void Configure(EntityTypeBuilder<RunLatestMetric> b)
    {
        b.ToTable("run_latest_metrics");
        b.HasKey(m => new { m.RunId, m.Key });
        b.Property(m => m.RunId).HasMaxLength(32);
        b.Property(m => m.Key).HasMaxLength(TrackingLimits.KeyLength);
        b.HasIndex(m => new { m.Key, m.Value });
    }
}

internal sealed class RunArtifactConfiguration : IEntityTypeConfiguration<RunArtifact>
{
    public void Configure(EntityTypeBuilder<RunArtifact> b)
    {
        b.ToTable("run_artifacts");
        b.HasKey(a => new { a.RunId, a.Path });
        b.Property(a => a.RunId).HasMaxLength(32);
        b.Property(a => a.Path).HasMaxLength(TrackingLimits.PathLength);
        b.Property(a => a.Sha256).HasMaxLength(64);
    }
}
