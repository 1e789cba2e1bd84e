using Raciflow.Server.Hosting;

namespace Raciflow.Server.Tracking;

/// <summary>Absolute paths of tracking resources, for Location headers.</summary>
internal static class RaciflowPaths
{
    public const string Experiments = RaciflowServerPipeline.ApiPrefix + "/experiments";
    public const string Runs = RaciflowServerPipeline.ApiPrefix + "/runs";
}
