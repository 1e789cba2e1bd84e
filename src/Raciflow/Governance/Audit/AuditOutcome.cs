namespace Raciflow.Governance.Audit;

/// <summary>The outcomes an audit event records.</summary>
public static class AuditOutcome
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string Unauthorized = "unauthorized";
}
