namespace Raciflow.Data.Validation;

/// <summary>Thresholds of the built-in checks; the defaults suit tabular data of a few hundred rows and up.</summary>
public sealed record ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>Multiplier of the interquartile range beyond the quartiles that makes a value an outlier (Tukey's fences).</summary>
    public double OutlierIqrFactor { get; init; } = 1.5;

    /// <summary>A categorical column with more distinct values than this is flagged as very high cardinality.</summary>
    public int MaxCategories { get; init; } = 50;

    /// <summary>The target's classes are flagged as imbalanced when the rarest has fewer rows than this fraction of the most common.</summary>
    public double MinClassRatio { get; init; } = 0.1;

    /// <summary>How many example rows or lines a check lists.</summary>
    public int MaxExamples { get; init; } = 5;
}
