namespace Raciflow.Governance.Raci;

/// <summary>The result of <see cref="RaciValidator"/>: valid when there is no finding.</summary>
public sealed record RaciValidationReport(IReadOnlyList<RaciFinding> Findings)
{
    public bool IsValid => Findings.Count == 0;
}
