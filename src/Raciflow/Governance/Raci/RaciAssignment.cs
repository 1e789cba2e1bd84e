namespace Raciflow.Governance.Raci;

/// <summary>What a role is for a task. Flags, because a role may be Responsible and Accountable at once (RA).</summary>
[Flags]
public enum RaciAssignment
{
    None = 0,
    Responsible = 1,
    Accountable = 2,
    Consulted = 4,
    Informed = 8,
}
