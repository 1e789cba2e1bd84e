namespace Raciflow.Monitoring.Drift;

/// <summary>How a distribution is drawn: a histogram over numeric bins or bars per category.</summary>
public enum DistributionKind
{
    Histogram,
    Categories,
}
