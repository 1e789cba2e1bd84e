using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Members;
using Raciflow.Governance.Notifications;

namespace Raciflow.Governance;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("members");
        b.HasIndex(m => m.Name).IsUnique();
        b.HasIndex(m => m.TokenHash).IsUnique();
        b.Property(m => m.Name).HasMaxLength(MemberName.MaxLength);
        b.Property(m => m.Roles).HasMaxLength(400);
        b.Property(m => m.TokenHash).HasMaxLength(64);
        b.Property(m => m.CreatedBy).HasMaxLength(200);
        b.Ignore(m => m.RoleList);
        b.Ignore(m => m.IsActive);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => new { e.Task, e.Sequence });
        b.HasIndex(e => new { e.Actor, e.Sequence });
        b.Property(e => e.Actor).HasMaxLength(200);
        b.Property(e => e.Role).HasMaxLength(400);
        b.Property(e => e.Task).HasMaxLength(50);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Outcome).HasMaxLength(20);
        b.Property(e => e.RequestId).HasMaxLength(100);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> b)
    {
        b.ToTable("approval_requests");
        b.HasIndex(r => r.Status);
        b.Property(r => r.Action).HasMaxLength(100);
        b.Property(r => r.Task).HasMaxLength(50);
        b.Property(r => r.ArgumentsHash).HasMaxLength(64);
        b.Property(r => r.Status).HasMaxLength(20);
        b.Property(r => r.RequestedBy).HasMaxLength(200);
        b.Property(r => r.DecidedBy).HasMaxLength(200);
        b.Property(r => r.ConsultedRoles).HasMaxLength(400);
        b.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.ApprovalRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApprovalCommentConfiguration : IEntityTypeConfiguration<ApprovalComment>
{
    public void Configure(EntityTypeBuilder<ApprovalComment> b)
    {
        b.ToTable("approval_comments");
        b.Property(c => c.Author).HasMaxLength(200);
        b.Property(c => c.Role).HasMaxLength(100);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("notification_outbox");
        b.HasIndex(m => new { m.DeliveredAt, m.DeadLetteredAt, m.Id });
        b.Property(m => m.Channel).HasMaxLength(20);
        b.Property(m => m.Recipient).HasMaxLength(1000);
        b.Property(m => m.Reason).HasMaxLength(20);
        b.Property(m => m.Task).HasMaxLength(50);
        b.Property(m => m.Event).HasMaxLength(100);
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("inbox_items");
        b.HasIndex(i => i.OutboxMessageId).IsUnique();
        b.HasIndex(i => new { i.Member, i.ReadAt });
        b.Property(i => i.Member).HasMaxLength(MemberName.MaxLength);
        b.Property(i => i.Reason).HasMaxLength(20);
        b.Property(i => i.Task).HasMaxLength(50);
        b.Property(i => i.Event).HasMaxLength(100);
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(i => i.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
