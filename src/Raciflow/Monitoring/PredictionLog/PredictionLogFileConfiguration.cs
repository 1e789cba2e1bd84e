using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raciflow.Monitoring.PredictionLog;

internal sealed class PredictionLogFileConfiguration : IEntityTypeConfiguration<PredictionLogFile>
{
    public void Configure(EntityTypeBuilder<PredictionLogFile> b)
    {
        b.ToTable("prediction_log_files");
        b.Property(f => f.Model).HasMaxLength(ModelNames.MaxLength);
        b.Property(f => f.ArtifactKey).HasMaxLength(400);
        b.HasIndex(f => f.ArtifactKey).IsUnique();
        b.HasIndex(f => new { f.Model, f.Version, f.Day });
        b.HasIndex(f => new { f.Model, f.FirstTime });
    }
}
