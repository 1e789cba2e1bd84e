using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raciflow.Data.Profiling;

internal sealed class DatasetProfileConfiguration : IEntityTypeConfiguration<DatasetProfile>
{
    public void Configure(EntityTypeBuilder<DatasetProfile> b)
    {
        b.ToTable("dataset_profiles");
        b.HasIndex(p => p.DatasetVersionId);
        b.Property(p => p.ReportKey).HasMaxLength(400);
        b.Property(p => p.Hash).HasMaxLength(64);
        b.Property(p => p.CreatedBy).HasMaxLength(200);
        b.HasOne<DatasetVersion>().WithMany().HasForeignKey(p => p.DatasetVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
