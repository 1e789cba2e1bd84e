namespace Raciflow.Governance.Audit;

/// <summary>
/// One append-only audit record. <see cref="Hash"/> is SHA-256 over a canonical serialisation of the event that
/// includes <see cref="PreviousHash"/>, so editing, deleting, inserting or reordering events breaks the chain.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    /// <summary>1, 2, 3… with no gaps; unique in the database so concurrent appends cannot share one.</summary>
    public long Sequence { get; set; }

    public DateTime Time { get; set; }

    public required string Actor { get; set; }

    /// <summary>The role the actor acted in; <c>admin</c>, <c>single-user</c> or empty for denials without a member.</summary>
    public string? Role { get; set; }

    public required string Task { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    /// <summary><c>allowed</c>, <c>denied</c> or <c>unauthorized</c>.</summary>
    public required string Outcome { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? RequestId { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
