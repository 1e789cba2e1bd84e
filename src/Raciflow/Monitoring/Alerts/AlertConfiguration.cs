using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Monitoring.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("alerts");
        b.Property(a => a.Model).HasMaxLength(ModelNames.MaxLength);
        b.Property(a => a.Rule).HasMaxLength(40);
        b.Property(a => a.Status).HasMaxLength(20);
        b.Property(a => a.OpenKey).HasMaxLength(ModelNames.MaxLength + 41);
        b.Property(a => a.Message).HasMaxLength(2000);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(200);
        b.Property(a => a.ResolvedBy).HasMaxLength(200);
        b.Property(a => a.ResolutionNote).HasMaxLength(2000);
        b.Property(a => a.Retraining).HasMaxLength(500);
        b.HasIndex(a => a.OpenKey).IsUnique();
        b.HasIndex(a => new { a.Model, a.Status });
    }
}
