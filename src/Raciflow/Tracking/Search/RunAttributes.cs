namespace Raciflow.Tracking.Search;

/// <summary>The run columns filters and sorts may name, with their accepted spellings.</summary>
public static class RunAttributes
{
    public const string Status = "status";
    public const string Name = "name";
    public const string User = "user";
    public const string ParentRunId = "parent_run_id";
    public const string GitCommit = "git_commit";
    public const string DatasetVersionId = "dataset_version_id";
    public const string StartTime = "start_time";
    public const string EndTime = "end_time";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = Status,
        ["name"] = Name,
        ["run_name"] = Name,
        ["user"] = User,
        ["started_by"] = User,
        ["parent_run_id"] = ParentRunId,
        ["parent"] = ParentRunId,
        ["git_commit"] = GitCommit,
        ["dataset_version_id"] = DatasetVersionId,
        ["start_time"] = StartTime,
        ["end_time"] = EndTime,
    };

    public static IReadOnlyCollection<string> All { get; } = Aliases.Values.Distinct().ToArray();

    public static string? Canonical(string name) => Aliases.GetValueOrDefault(name);

    public static bool IsNumeric(string attribute) => attribute == DatasetVersionId;

    public static bool IsTime(string attribute) => attribute is StartTime or EndTime;
}
