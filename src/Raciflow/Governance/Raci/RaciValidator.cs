using Raciflow.Projects;

namespace Raciflow.Governance.Raci;

/// <summary>
/// Checks that a RACI matrix can be enforced: exactly one Accountable and at least one Responsible per task, known
/// tasks and roles only, every role used in the matrix held by someone and every role used somewhere. Each finding
/// carries a suggested fix.
/// </summary>
public static class RaciValidator
{
    public static RaciValidationReport Validate(ProjectConfig project, IEnumerable<RoleHolder> enrolled, string fileLabel = "raciflow.yaml")
    {
        var findings = new List<RaciFinding>();
        var matrix = RaciMatrix.Parse(project.Raci, fileLabel, out var problems);
        findings.AddRange(problems.Select(p => new RaciFinding(KeyOf(p, fileLabel), StripLabel(p, fileLabel), "Correct or remove the key (see the known names in the message).")));

        foreach (var task in LifecycleTasks.All.Select(t => t.Name))
        {
            if (!matrix.Declares(task))
            {
                findings.Add(new RaciFinding($"raci.{task}", $"{task} has no row in the matrix, so nobody may act on it.", $"Add a row, e.g. `{task}: {{ ml-engineer: RA }}` under raci."));
                continue;
            }

            CheckAccountable(matrix, task, findings);
            CheckResponsible(matrix, task, findings);
        }

        var holders = HoldersByRole(project, enrolled, findings);
        foreach (var role in Roles.All.Select(r => r.Name))
        {
            var used = matrix.UsedRoles.Contains(role);
            if (used && !holders.ContainsKey(role))
            {
                findings.Add(new RaciFinding("members", $"role {role} is assigned in the matrix but no member holds it.",
                    $"Give it to someone: `raciflow members add NAME --role {role}` (or list it under a member's roles in raciflow.yaml)."));
            }
            else if (!used)
            {
                findings.Add(new RaciFinding("raci", $"role {role} is used nowhere in the matrix.",
                    $"Assign it where it belongs, e.g. `{role}: I` under the task it should hear about."));
            }
        }

        return new RaciValidationReport(findings);
    }

    private static void CheckAccountable(RaciMatrix matrix, string task, List<RaciFinding> findings)
    {
        var accountable = matrix.RolesWith(task, RaciAssignment.Accountable);
        if (accountable.Count == 0)
        {
            var candidate = SuggestAccountable(matrix, task);
            var letters = (matrix.Get(task, candidate) | RaciAssignment.Accountable) & (RaciAssignment.Responsible | RaciAssignment.Accountable);
            var verb = letters == (RaciAssignment.Responsible | RaciAssignment.Accountable) ? "RA" : "A";
            findings.Add(new RaciFinding($"raci.{task}", $"{task} has no Accountable",
                $"e.g. make {candidate} {verb} (set `{candidate}: {verb}` under raci.{task})"));
        }
        else if (accountable.Count > 1)
        {
            var keep = accountable[0];
            findings.Add(new RaciFinding($"raci.{task}", $"{task} has {accountable.Count} Accountable roles ({string.Join(", ", accountable)}); exactly one must sign it off",
                $"keep {keep} and make the others R (e.g. set `{accountable[1]}: R` under raci.{task})"));
        }
    }

    private static void CheckResponsible(RaciMatrix matrix, string task, List<RaciFinding> findings)
    {
        if (matrix.RolesWith(task, RaciAssignment.Responsible).Count > 0)
        {
            return;
        }

        var accountable = matrix.RolesWith(task, RaciAssignment.Accountable);
        var fix = accountable.Count > 0
            ? $"e.g. let the Accountable do the work too (set `{accountable[0]}: RA` under raci.{task})"
            : $"name a role that does the work (set e.g. `{SuggestAccountable(matrix, task)}: R` under raci.{task})";
        findings.Add(new RaciFinding($"raci.{task}", $"{task} has no Responsible", fix));
    }

    /// <summary>
    /// Suggests who should sign a task off: among its Responsible roles (else any role in its row), the one already
    /// Accountable for the most other tasks, since the team already trusts it with sign-off.
    /// </summary>
    private static string SuggestAccountable(RaciMatrix matrix, string task)
    {
        var candidates = matrix.RolesWith(task, RaciAssignment.Responsible);
        if (candidates.Count == 0)
        {
            candidates = matrix.RolesWith(task, RaciAssignment.Consulted | RaciAssignment.Informed);
        }

        if (candidates.Count == 0)
        {
            candidates = Roles.All.Select(r => r.Name).ToList();
        }

        return candidates
            .Select((role, index) => (role, index, count: matrix.Tasks.Count(t => matrix.Get(t, role).HasFlag(RaciAssignment.Accountable))))
            .OrderByDescending(c => c.count)
            .ThenBy(c => c.index)
            .First().role;
    }

    private static Dictionary<string, List<string>> HoldersByRole(ProjectConfig project, IEnumerable<RoleHolder> enrolled, List<RaciFinding> findings)
    {
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var declared = project.Members.Select((m, i) => (m.Name, m.Roles, Key: $"members[{i}].roles"));
        var all = declared.Concat(enrolled.Select(e => (e.Name, Roles: e.Roles.ToList(), Key: $"workspace member {e.Name}")));
        foreach (var (name, roles, key) in all)
        {
            foreach (var roleName in roles)
            {
                var role = Roles.Find(roleName);
                if (role is null)
                {
                    findings.Add(new RaciFinding(key, $"{name} holds unknown role '{roleName}'.", $"Use one of: {Roles.Known}."));
                    continue;
                }

                if (!holders.TryGetValue(role.Name, out var list))
                {
                    holders[role.Name] = list = [];
                }

                if (!list.Contains(name))
                {
                    list.Add(name);
                }
            }
        }

        return holders;
    }

    private static string StripLabel(string problem, string fileLabel) =>
        problem.StartsWith(fileLabel + ": ", StringComparison.Ordinal) ? problem[(fileLabel.Length + 2)..] : problem;

    private static string KeyOf(string problem, string fileLabel)
    {
        var rest = StripLabel(problem, fileLabel);
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? rest[..colon] : "raci";
    }
}
