using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Raciflow.Server.Errors;
using Raciflow.Server.Serving;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Serving;
using Raciflow.Serving.Inputs;
using Raciflow.Workspaces;

namespace Raciflow.Server.Hosting;

/// <summary>
/// The server a deployment package runs: predictions from one bundle, health and metrics, and nothing else (no
/// management API). Given the team's workspace (its stores, from RACIFLOW_STORE and RACIFLOW_ARTIFACTS), it logs every
/// prediction there as a full server does, so monitoring, feedback and retraining see the deployed traffic. When
/// <see cref="TokenVariable"/> is set, predictions need it as a bearer token.
/// </summary>
public static class ServeOnlyHost
{
    public const string TokenVariable = "RACIFLOW_SERVE_TOKEN";

    /// <param name="workspace">The stores predictions are logged to, or null to log nothing; the caller keeps owning it.</param>
    public static WebApplication Build(IServingCatalog catalog, ServerOptions serverOptions, string? token = null, Workspace? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(serverOptions);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Raciflow.Server" });
        builder.Logging.SetMinimumLevel(serverOptions.LogLevel);
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseUrls(ServerHost.ListenUrl(serverOptions));
        builder.Services.AddRaciflowServing(catalog, TimeSpan.FromMinutes(5), InputLimits.From(workspace?.Project?.Serving));
        if (workspace is not null)
        {
            builder.Services.AddPredictionLog(workspace);
        }

        builder.Services.ConfigureHttpJsonOptions(o => RaciflowServerServices.ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RaciflowExceptionHandler>();
        builder.Services.AddHealthChecks().AddCheck<ServedModelsHealthCheck>("served-models", tags: ["ready"]);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        if (workspace is not null)
        {
            app.Services.GetRequiredService<ServingMetrics>().ObservePredictionLog(app.Services.GetRequiredService<PredictionLogger>());
        }

        app.MapMetrics("/metrics", app.Services.GetRequiredService<ServingMetrics>().Registry);
        var api = app.MapGroup(RaciflowServerPipeline.ApiPrefix);
        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        if (!string.IsNullOrEmpty(token))
        {
            api.AddEndpointFilter(async (context, next) =>
                string.Equals(context.HttpContext.Request.Headers.Authorization.ToString(), "Bearer " + token, StringComparison.Ordinal)
                    ? await next(context)
                    : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"Send the serving token ({TokenVariable}) as 'Authorization: Bearer …'."));
        }

        api.MapPredictions();
        return app;
    }
}
