namespace Raciflow.Projects;

/// <summary>Where the data comes from, what to predict, how to split it and what it must satisfy.</summary>
public sealed class DataConfig
{
    /// <summary>Source file, relative to the project folder.</summary>
    public string? Source { get; set; }

    /// <summary>Dataset name the source is versioned under.</summary>
    public string? Name { get; set; }

    public string? Target { get; set; }

    /// <summary>regression, binary or multiclass; inferred from the target when empty.</summary>
    public string? Task { get; set; }

    public SplitConfig Split { get; set; } = new();

    public List<ExpectationConfig> Expectations { get; set; } = [];
}
