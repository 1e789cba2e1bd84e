using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Monitoring.Feedback;

internal sealed class PredictionFeedbackConfiguration : IEntityTypeConfiguration<PredictionFeedback>
{
    public void Configure(EntityTypeBuilder<PredictionFeedback> b)
    {
        b.ToTable("prediction_feedback");
        b.Property(f => f.Model).HasMaxLength(ModelNames.MaxLength);
        b.Property(f => f.KeyColumn).HasMaxLength(FeedbackService.MaxKeyLength);
        b.Property(f => f.KeyValue).HasMaxLength(FeedbackService.MaxKeyLength);
        b.Property(f => f.Actual).HasMaxLength(FeedbackService.MaxKeyLength);
        b.Property(f => f.RecordedBy).HasMaxLength(200);
        b.HasIndex(f => new { f.Model, f.KeyColumn, f.KeyValue }).IsUnique();
    }
}
