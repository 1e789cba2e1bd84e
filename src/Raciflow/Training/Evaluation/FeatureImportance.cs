namespace Raciflow.Training.Evaluation;

/// <summary>How much a metric worsens when one input column's values are shuffled (mean and spread over repeats).</summary>
public sealed record FeatureImportance(string Column, double Importance, double StandardDeviation);
