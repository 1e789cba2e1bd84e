using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Raciflow.Server.Governance;
using Raciflow.Server.Health;
using Raciflow.Server.Monitoring;
using Raciflow.Server.Serving;
using Raciflow.Server.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using Raciflow.Server.Web;
using Scalar.AspNetCore;

namespace Raciflow.Server.Hosting;

/// <summary>
/// The middleware order and the route groups. A new capability maps its group under <see cref="ApiPrefix"/> next to
/// tracking's; a cross-cutting middleware (e.g. bearer authentication) goes after the error handler so its
/// failures become problem details too.
/// </summary>
public static class RaciflowServerPipeline
{
    public const string ApiPrefix = "/api/v1";

    public static WebApplication UseRaciflowServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(MetadataStoreHealthCheck.ReadyTag) });
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Raciflow API"));

        var api = app.MapGroup(ApiPrefix).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status401Unauthorized).AddEndpointFilter<GovernanceEndpointFilter>();
        api.MapTracking();
        api.MapApprovals();
        api.MapRegistry();
        api.MapPredictions();
        api.MapFeedback();
        api.MapDrift();
        api.MapAlerts();
        app.Services.GetRequiredService<ServingMetrics>().ObservePredictionLog(app.Services.GetRequiredService<Raciflow.Monitoring.PredictionLog.PredictionLogger>());
        app.MapMetrics("/metrics", app.Services.GetRequiredService<ServingMetrics>().Registry);
        app.MapRaciflowWeb();
        return app;
    }
}
