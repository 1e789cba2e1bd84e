using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Raciflow.Workspaces;

namespace Raciflow.Server.Health;

/// <summary>Ready means the metadata store answers a query; without it no endpoint can do useful work.</summary>
internal sealed class MetadataStoreHealthCheck(Workspace workspace) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = workspace.Metadata.CreateContext();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{workspace.Metadata.DisplayUri} answers.")
                : HealthCheckResult.Unhealthy($"{workspace.Metadata.DisplayUri} cannot be reached.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{workspace.Metadata.DisplayUri} failed: {ex.GetBaseException().Message}");
        }
    }
}
