using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Server.Errors;
using Raciflow.Server.Health;
using Raciflow.Server.Monitoring;
using Raciflow.Server.Serving;
using Raciflow.Serving;
using Raciflow.Serving.Inputs;
using Raciflow.Server.Web;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tracking;
using Raciflow.Workspaces;

namespace Raciflow.Server.Hosting;

/// <summary>The one place where the server's services are registered; a new capability adds its singletons here.</summary>
public static class RaciflowServerServices
{
    public static IServiceCollection AddRaciflowServer(this IServiceCollection services, Workspace workspace)
    {
        services.AddSingleton(workspace);
        services.AddSingleton(workspace.Clock);
        services.AddSingleton<TrackingService>();
        services.AddRaciflowServing(new RegistryServingCatalog(workspace), TimeSpan.FromSeconds(Math.Max(0.1, workspace.Project?.Serving.AliasRefreshSeconds ?? 2)), InputLimits.From(workspace.Project?.Serving));
        services.AddPredictionLog(workspace);
        services.AddHostedService(sp => new Raciflow.Server.Governance.NotificationDispatchService(workspace, TimeSpan.FromSeconds(2), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Raciflow.Server.Governance.NotificationDispatchService>>()));
        services.AddMonitoringSchedule(workspace);
        services.AddSingleton<Raciflow.Server.Web.IMonitoringPanel, Raciflow.Server.Monitoring.AlertsPanel>();
        services.AddSingleton<Raciflow.Server.Web.IMonitoringPanel, Raciflow.Server.Monitoring.RetrainingPanel>();
        services.AddSingleton<WebSessions>();
        services.AddAntiforgery();
        services.AddDataProtection().UseEphemeralDataProtectionProvider(); // antiforgery keys live as long as the process, like web sessions

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so malformed JSON reaches our problem details with its path
        services.AddProblemDetails();
        services.AddExceptionHandler<RaciflowExceptionHandler>();
        services.AddHealthChecks().AddCheck<MetadataStoreHealthCheck>("metadata-store", tags: [MetadataStoreHealthCheck.ReadyTag]);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Raciflow API";
            document.Info.Description = "Experiment tracking, model registry, serving and governance of Raciflow.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// What serving needs in any server (full or serve-only): the served models, their metrics, the alias refresh and
    /// the one <see cref="PredictionService"/> every front door predicts through (it tells the prediction log, when
    /// one is registered as <see cref="IPredictionObserver"/>).
    /// </summary>
    public static IServiceCollection AddRaciflowServing(this IServiceCollection services, IServingCatalog catalog, TimeSpan aliasRefresh, InputLimits limits)
    {
        var models = new ServedModels(catalog);
        services.AddSingleton(models);
        services.AddSingleton<ServingMetrics>();
        services.AddSingleton(sp => new PredictionService(models, limits, sp.GetRequiredService<ServingMetrics>(), sp.GetService<IPredictionObserver>()));
        services.AddHostedService(sp => new AliasRefreshService(models, sp.GetRequiredService<ServingMetrics>(), aliasRefresh, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AliasRefreshService>>()));
        return services;
    }

    /// <summary>
    /// The prediction log over a workspace's stores, and its observer: every predicted row is queued for it. Under load
    /// a batch fills long before the flush interval, and big batches mean few files and index rows per second.
    /// </summary>
    public static IServiceCollection AddPredictionLog(this IServiceCollection services, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        services.AddSingleton(sp => new PredictionLogger(workspace, new PredictionLogOptions
        {
            BatchSize = 10_000,
            QueueCapacity = 50_000,
            DisabledModels = (workspace.Project?.Serving.UnloggedModels ?? []).ToHashSet(StringComparer.Ordinal),
        }));
        services.AddSingleton<IPredictionObserver>(sp => new PredictionLogObserver(sp.GetRequiredService<PredictionLogger>(), workspace.Clock));
        services.AddHostedService<PredictionLogShutdownService>();
        return services;
    }

    /// <summary>camelCase, enums as kebab-case text ("finished"), nulls omitted: the same shape as the CLI's --json.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }
}
