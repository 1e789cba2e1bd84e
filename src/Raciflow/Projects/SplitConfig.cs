namespace Raciflow.Projects;

/// <summary>Fractions and seed of the train/validation/test split.</summary>
public sealed class SplitConfig
{
    public double Train { get; set; } = 0.7;

    public double Validation { get; set; } = 0.15;

    public double Test { get; set; } = 0.15;

    public int Seed { get; set; } = 42;

    /// <summary>Column to stratify on; defaults to the target for classification.</summary>
    public string? Stratify { get; set; }
}
