using Microsoft.Extensions.Diagnostics.HealthChecks;
using Raciflow.Serving;

namespace Raciflow.Server.Serving;

/// <summary>Ready once the served aliases are loaded, so a load balancer sends no request to a server still loading its model.</summary>
internal sealed class ServedModelsHealthCheck(ServedModels models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Aliases.Count > 0
            ? HealthCheckResult.Healthy(string.Join(", ", models.Aliases.Select(a => $"{a.Key.Model}@{a.Key.Alias} = {a.Value.Version}")))
            : HealthCheckResult.Unhealthy("No model is loaded yet."));
}
