namespace Raciflow.Training.Preprocessing;

/// <summary>Choices made when fitting a <see cref="FeaturePipeline"/>.</summary>
public sealed record FeaturePipelineOptions
{
    /// <summary>Most one-hot columns per categorical column; rarer categories share the "other" bucket.</summary>
    public int MaxCategories { get; init; } = 50;

    /// <summary>Whether free-text columns become hashed bag-of-words features; when false they are left out.</summary>
    public bool FeaturizeText { get; init; } = true;

    /// <summary>Hash buckets per text column.</summary>
    public int TextBuckets { get; init; } = 64;
}
