namespace Raciflow.Governance.Raci;

/// <summary>Converts between <see cref="RaciAssignment"/> and the letters written in raciflow.yaml (R, A, RA, C, I).</summary>
public static class RaciAssignmentText
{
    public static RaciAssignment? TryParse(string? letters)
    {
        var text = (letters ?? string.Empty).Trim().ToUpperInvariant();
        return text switch
        {
            "R" => RaciAssignment.Responsible,
            "A" => RaciAssignment.Accountable,
            "RA" or "AR" => RaciAssignment.Responsible | RaciAssignment.Accountable,
            "C" => RaciAssignment.Consulted,
            "I" => RaciAssignment.Informed,
            _ => null,
        };
    }

    public static string Letters(this RaciAssignment assignment)
    {
        var text = string.Empty;
        if (assignment.HasFlag(RaciAssignment.Responsible))
        {
            text += "R";
        }

        if (assignment.HasFlag(RaciAssignment.Accountable))
        {
            text += "A";
        }

        if (assignment.HasFlag(RaciAssignment.Consulted))
        {
            text += "C";
        }

        if (assignment.HasFlag(RaciAssignment.Informed))
        {
            text += "I";
        }

        return text;
    }

    /// <summary>True when the assignment lets a role do the task's work (R) or sign it off (A).</summary>
    public static bool MayAct(this RaciAssignment assignment) =>
        (assignment & (RaciAssignment.Responsible | RaciAssignment.Accountable)) != 0;
}
