namespace Raciflow.Governance.Members;

/// <summary>
/// A person enrolled in the workspace, with the roles they hold and the SHA-256 hash of their API token. The token
/// itself is shown once and never stored.
/// </summary>
public sealed class Member
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Role names, comma-separated in catalog spelling.</summary>
    public required string Roles { get; set; }

    /// <summary>Admins manage members; being admin grants no R or A for any task.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>Lower-case hex SHA-256 of the current token.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? TokenIssuedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive => RevokedAt is null;
}
