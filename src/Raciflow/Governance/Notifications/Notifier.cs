using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Members;
using Raciflow.Governance.Raci;
using Raciflow.Projects;
using Raciflow.Storage.Metadata;

namespace Raciflow.Governance.Notifications;

/// <summary>
/// Turns a lifecycle event into outbox messages for the roles the matrix names for its task: I roles are told,
/// R and A roles are told (or asked to act when an action is needed), C roles only when consulted. Writes into the
/// caller's context so the messages commit with the action's audit event.
/// </summary>
public static class Notifier
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(RaciflowDbContext db, ProjectConfig? project, Notification notification, long? auditSequence, DateTime now, CancellationToken cancellationToken = default)
    {
        if (project is null)
        {
            return [];
        }

        // Lenient: a mistake in the matrix is reported by 'raci validate' and by authorisation, and must not make an
        // already-authorised action fail at the moment it is recorded.
        var matrix = RaciMatrix.Parse(project.Raci, "raciflow.yaml", out _);
        var roleReasons = RoleReasons(matrix, notification);
        if (roleReasons.Count == 0)
        {
            return [];
        }

        var members = await db.Set<Member>().AsNoTracking().Where(m => m.RevokedAt == null).ToListAsync(cancellationToken);
        var messages = new List<OutboxMessage>();

        // One inbox message per member, with the strongest reason among their roles.
        foreach (var member in members.Where(m => m.Name != notification.Actor))
        {
            var roles = member.RoleList.Where(roleReasons.ContainsKey).ToList();
            if (roles.Count > 0)
            {
                messages.Add(Message(NotificationChannels.Inbox, member.Name, Strongest(roles.Select(r => roleReasons[r])), roles, notification, auditSequence, now));
            }
        }

        foreach (var hook in project.Notifications.Webhooks)
        {
            var role = hook.Role is null ? null : Roles.Find(hook.Role)?.Name;
            if (role is not null && roleReasons.TryGetValue(role, out var reason))
            {
                messages.Add(Message(NotificationChannels.Webhook, hook.Url, reason, [role], notification, auditSequence, now));
            }
            else if (hook.Member is not null && hook.Member != notification.Actor
                     && members.FirstOrDefault(m => m.Name == hook.Member) is { } member
                     && member.RoleList.Where(roleReasons.ContainsKey).ToList() is { Count: > 0 } memberRoles)
            {
                messages.Add(Message(NotificationChannels.Webhook, hook.Url, Strongest(memberRoles.Select(r => roleReasons[r])), memberRoles, notification, auditSequence, now));
            }
        }

        db.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
        return messages;
    }

    private static Dictionary<string, string> RoleReasons(RaciMatrix matrix, Notification n)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in Roles.All.Select(r => r.Name))
        {
            var assignment = matrix.Get(n.Task, role);
            if (assignment.MayAct())
            {
                reasons[role] = n.ActionNeeded ? NotificationReasons.Act : NotificationReasons.Informed;
            }
            else if (assignment.HasFlag(RaciAssignment.Consulted) && n.ConsultRoles)
            {
                reasons[role] = NotificationReasons.Consulted;
            }
            else if (assignment.HasFlag(RaciAssignment.Informed))
            {
                reasons[role] = NotificationReasons.Informed;
            }
        }

        return reasons;
    }

    private static string Strongest(IEnumerable<string> reasons)
    {
        var set = reasons.ToHashSet();
        return set.Contains(NotificationReasons.Act) ? NotificationReasons.Act
            : set.Contains(NotificationReasons.Consulted) ? NotificationReasons.Consulted
            : NotificationReasons.Informed;
    }

    private static OutboxMessage Message(string channel, string recipient, string reason, IReadOnlyList<string> roles, Notification n, long? auditSequence, DateTime now)
    {
        var payload = new NotificationPayload(0, n.Event, n.Task, n.Actor, n.Target, n.Text, reason, recipient, roles, auditSequence, now);
        return new OutboxMessage
        {
            Channel = channel,
            Recipient = recipient,
            Reason = reason,
            Task = n.Task,
            Event = n.Event,
            PayloadJson = JsonSerializer.Serialize(payload, Json),
            AuditSequence = auditSequence,
            CreatedAt = now,
        };
    }
}
