namespace Raciflow.Governance.Audit;

/// <summary>Filters for listing audit events; newest first.</summary>
public sealed record AuditQuery(string? Task = null, string? Actor = null, string? Action = null, int Limit = 50);
