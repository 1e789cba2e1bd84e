namespace Raciflow.Governance.Audit;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="Events">How many events were checked.</param>
/// <param name="BrokenAt">The first sequence number that is wrong, or null when the chain is intact.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record AuditVerification(long Events, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null;
}
