namespace Raciflow.Governance.Raci;

/// <summary>A role members hold, with the abbreviation used in compact tables (BS, SME, DE, DS, SWE, MLE, DevOps).</summary>
public sealed record RoleInfo(string Name, string Abbreviation, string Title);
