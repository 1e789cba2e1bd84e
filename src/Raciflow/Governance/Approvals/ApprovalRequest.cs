namespace Raciflow.Governance.Approvals;

/// <summary>
/// A request to pass a gate: the gated action and its arguments, the evidence the requester supplied, the
/// consultations it needs and the decision of the task's Accountable.
/// </summary>
public sealed class ApprovalRequest
{
    public long Id { get; set; }

    public required string Action { get; set; }

    public required string Task { get; set; }

    public string? Target { get; set; }

    /// <summary>The action's arguments as JSON; what is performed once approved, exactly.</summary>
    public required string ArgumentsJson { get; set; }

    /// <summary>SHA-256 of the canonical arguments, checked when the approval is used, so it cannot be reused for other arguments.</summary>
    public required string ArgumentsHash { get; set; }

    /// <summary>KPI checks, diffs and the like, as supplied by the caller.</summary>
    public string? EvidenceJson { get; set; }

    public required string Status { get; set; }

    public required string RequestedBy { get; set; }

    public DateTime RequestedAt { get; set; }

    /// <summary>The C roles asked, comma-separated.</summary>
    public required string ConsultedRoles { get; set; }

    public bool RequireConsulted { get; set; }

    public bool SeparationOfDuties { get; set; }

    public DateTime? Deadline { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecisionComment { get; set; }

    /// <summary>When the approved action was performed; an approval is used once.</summary>
    public DateTime? ConsumedAt { get; set; }

    public List<ApprovalComment> Comments { get; set; } = [];
}
