namespace Raciflow.Projects;

/// <summary>The declared state of a project, read from <c>raciflow.yaml</c>. Recorded state lives in the stores.</summary>
public sealed class ProjectConfig
{
    /// <summary>Project name, shown in reports and model cards.</summary>
    public string Project { get; set; } = "untitled";

    public ProblemConfig Problem { get; set; } = new();

    public DataConfig Data { get; set; } = new();

    public MonitoringConfig Monitoring { get; set; } = new();

    public ServingConfig Serving { get; set; } = new();

    public RetrainingConfig Retraining { get; set; } = new();

    public List<MemberConfig> Members { get; set; } = [];

    /// <summary>task → role → one of R, A, RA, C, I.</summary>
    public Dictionary<string, Dictionary<string, string>> Raci { get; set; } = [];

    /// <summary>Actions that need an approval by their task's Accountable (production promotion is always gated).</summary>
    public List<GateConfig> Gates { get; set; } = [];

    public NotificationsConfig Notifications { get; set; } = new();
}
