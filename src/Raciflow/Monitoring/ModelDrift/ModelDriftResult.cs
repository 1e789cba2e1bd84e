using Raciflow.Monitoring.Drift;
using Raciflow.Registry;

namespace Raciflow.Monitoring.ModelDrift;

/// <summary>A model version's drift: which version, compared with what, and the report.</summary>
public sealed record ModelDriftResult(ModelVersionDetails Version, string Current, DriftReport Report)
{
    /// <summary>What its saved reports are filed under in <see cref="DriftReportStore"/>: one history per version.</summary>
    public string Subject => SubjectOf(Version.Model, Version.Version);

    public static string SubjectOf(string model, int version) => $"{model}@{version}";
}
