using Raciflow.Monitoring.Drift;
using Raciflow.Registry;

namespace Raciflow.Monitoring.ModelDrift;

/// <summary>A model version's drift: which version, compared with what, and the report.</summary>
public sealed record ModelDriftResult(ModelVersionDetails Version, string Current, DriftReport Report);
