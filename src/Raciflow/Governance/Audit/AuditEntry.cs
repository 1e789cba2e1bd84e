namespace Raciflow.Governance.Audit;

/// <summary>What a caller asks to record; the log adds the sequence number, time and hashes.</summary>
public sealed record AuditEntry(
    string Actor,
    string? Role,
    string Task,
    string Action,
    string? Target,
    string Outcome,
    string? Before = null,
    string? After = null,
    string? RequestId = null);
