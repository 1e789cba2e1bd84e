namespace Raciflow.Monitoring.Drift;

/// <summary>How a column is compared: as numbers (order matters) or as categories.</summary>
public enum FeatureKind
{
    Numeric,
    Categorical,
}
