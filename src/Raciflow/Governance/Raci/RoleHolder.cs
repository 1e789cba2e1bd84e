namespace Raciflow.Governance.Raci;

/// <summary>A person and the roles they hold, whether declared in raciflow.yaml or enrolled in the workspace.</summary>
public sealed record RoleHolder(string Name, IReadOnlyList<string> Roles);
