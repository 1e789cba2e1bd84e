namespace Raciflow.Governance.Raci;

/// <summary>One member's view of the matrix: the tasks they are R, A, C and I for, through any of their roles.</summary>
public sealed record MemberRaciView(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Responsible, IReadOnlyList<string> Accountable, IReadOnlyList<string> Consulted, IReadOnlyList<string> Informed)
{
    public static MemberRaciView Create(RaciMatrix matrix, RoleHolder holder)
    {
        IReadOnlyList<string> TasksWith(RaciAssignment flag) =>
            matrix.Tasks.Where(t => holder.Roles.Any(r => matrix.Get(t, r).HasFlag(flag))).ToList();

        return new MemberRaciView(holder.Name, holder.Roles, TasksWith(RaciAssignment.Responsible), TasksWith(RaciAssignment.Accountable), TasksWith(RaciAssignment.Consulted), TasksWith(RaciAssignment.Informed));
    }
}
