namespace Raciflow.Governance.Members;

/// <summary>A member as listed to people: never the token or its hash.</summary>
public sealed record MemberInfo(string Name, IReadOnlyList<string> Roles, bool IsAdmin, bool IsActive, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt)
{
    internal static MemberInfo From(Member m) => new(m.Name, m.RoleList, m.IsAdmin, m.IsActive, m.CreatedAt, m.CreatedBy, m.RevokedAt);
}
