namespace Raciflow.Governance.Raci;

/// <summary>
/// The RACI matrix of a project: for each lifecycle task, what each role is (R, A, RA, C or I). Parsed from the
/// <c>raci</c> section of raciflow.yaml; unknown tasks, roles and letters are errors naming their yaml key.
/// </summary>
public sealed class RaciMatrix
{
    private readonly Dictionary<string, Dictionary<string, RaciAssignment>> _cells;

    private RaciMatrix(Dictionary<string, Dictionary<string, RaciAssignment>> cells) => _cells = cells;

    /// <summary>Tasks declared in the matrix, in lifecycle order.</summary>
    public IEnumerable<string> Tasks => LifecycleTasks.All.Select(t => t.Name).Where(_cells.ContainsKey);

    /// <summary>Parses the matrix, throwing one Invalid error that lists every bad key.</summary>
    public static RaciMatrix Parse(IReadOnlyDictionary<string, Dictionary<string, string>>? raci, string fileLabel = "raciflow.yaml")
    {
        var matrix = Parse(raci, fileLabel, out var problems);
        if (problems.Count > 0)
        {
            throw new RaciflowException(ErrorKind.Invalid, problems.Count == 1 ? problems[0] : $"{fileLabel}: the raci section has {problems.Count} mistakes.")
            {
                Location = fileLabel,
                Details = problems.Count == 1 ? [] : problems,
            };
        }

        return matrix;
    }

    /// <summary>Parses what it can, collecting a message per bad key into <paramref name="problems"/>.</summary>
    public static RaciMatrix Parse(IReadOnlyDictionary<string, Dictionary<string, string>>? raci, string fileLabel, out List<string> problems)
    {
        problems = [];
        var cells = new Dictionary<string, Dictionary<string, RaciAssignment>>(StringComparer.Ordinal);
        foreach (var (task, row) in raci ?? new Dictionary<string, Dictionary<string, string>>())
        {
            if (!LifecycleTasks.IsKnown(task))
            {
                problems.Add($"{fileLabel}: raci.{task}: unknown task '{task}'; known tasks: {LifecycleTasks.Known}.");
                continue;
            }

            var parsed = new Dictionary<string, RaciAssignment>(StringComparer.Ordinal);
            foreach (var (roleKey, letters) in row ?? [])
            {
                var role = Roles.Find(roleKey);
                if (role is null)
                {
                    problems.Add($"{fileLabel}: raci.{task}.{roleKey}: unknown role '{roleKey}'; known roles: {Roles.Known}.");
                    continue;
                }

                var assignment = RaciAssignmentText.TryParse(letters);
                if (assignment is null)
                {
                    problems.Add($"{fileLabel}: raci.{task}.{roleKey}: '{letters}' is not a RACI assignment; use R, A, RA, C or I.");
                    continue;
                }

                if (parsed.ContainsKey(role.Name))
                {
                    problems.Add($"{fileLabel}: raci.{task}.{roleKey}: role {role.Name} is assigned twice for {task}.");
                    continue;
                }

                parsed[role.Name] = assignment.Value;
            }

            cells[task] = parsed;
        }

        return new RaciMatrix(cells);
    }

    public bool Declares(string task) => _cells.ContainsKey(task);

    public RaciAssignment Get(string task, string role) =>
        _cells.TryGetValue(task, out var row) && row.TryGetValue(role, out var value) ? value : RaciAssignment.None;

    /// <summary>The roles of a task whose assignment includes any of <paramref name="flags"/>, in catalog order.</summary>
    public IReadOnlyList<string> RolesWith(string task, RaciAssignment flags) =>
        Roles.All.Select(r => r.Name).Where(r => (Get(task, r) & flags) != 0).ToList();

    /// <summary>Every role named anywhere in the matrix.</summary>
    public IReadOnlySet<string> UsedRoles => _cells.Values.SelectMany(row => row.Where(kv => kv.Value != RaciAssignment.None).Select(kv => kv.Key)).ToHashSet();
}
