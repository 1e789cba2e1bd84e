namespace Raciflow.Projects;

/// <summary>Problem definition: what the model is for and the success criteria it must meet.</summary>
public sealed class ProblemConfig
{
    public string Statement { get; set; } = string.Empty;

    public List<KpiConfig> Kpis { get; set; } = [];
}
