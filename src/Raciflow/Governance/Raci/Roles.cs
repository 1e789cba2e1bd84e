namespace Raciflow.Governance.Raci;

/// <summary>The catalog of roles. Names are the raciflow.yaml keys; abbreviations also resolve.</summary>
public static class Roles
{
    public const string BusinessStakeholder = "business-stakeholder";
    public const string SubjectMatterExpert = "subject-matter-expert";
    public const string DataEngineer = "data-engineer";
    public const string DataScientist = "data-scientist";
    public const string SoftwareEngineer = "software-engineer";
    public const string MlEngineer = "ml-engineer";
    public const string DevOpsEngineer = "devops-engineer";

    public static IReadOnlyList<RoleInfo> All { get; } =
    [
        new(BusinessStakeholder, "BS", "Business stakeholder"),
        new(SubjectMatterExpert, "SME", "Subject-matter expert"),
        new(DataEngineer, "DE", "Data engineer"),
        new(DataScientist, "DS", "Data scientist"),
        new(SoftwareEngineer, "SWE", "Software engineer"),
        new(MlEngineer, "MLE", "ML engineer"),
        new(DevOpsEngineer, "DevOps", "DevOps engineer"),
    ];

    public static string Known => string.Join(", ", All.Select(r => $"{r.Name} ({r.Abbreviation})"));

    /// <summary>Finds a role by its name or abbreviation, ignoring case.</summary>
    public static RoleInfo? Find(string nameOrAbbreviation) =>
        All.FirstOrDefault(r => string.Equals(r.Name, nameOrAbbreviation, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(r.Abbreviation, nameOrAbbreviation, StringComparison.OrdinalIgnoreCase));

    /// <summary>Resolves a role or throws an Invalid error naming <paramref name="field"/>.</summary>
    public static RoleInfo Require(string nameOrAbbreviation, string field) =>
        Find(nameOrAbbreviation.Trim())
        ?? throw RaciflowException.Invalid($"{field}: unknown role '{nameOrAbbreviation}'; known roles: {Known}.", field);

    public static string Abbreviate(string role) => Find(role)?.Abbreviation ?? role;
}
