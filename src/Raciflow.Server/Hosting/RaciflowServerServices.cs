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
        services.AddRaciflowServing(new RegistryServingCatalog(workspace), TimeSpan.FromSeconds(Math.Max(0.1, workspace.Project?.Serving.AliasRefreshSeconds ?? 2)));
        // Under load a batch fills long before the flush interval: big batches mean few files and index rows per second.
        services.AddSingleton(sp => new PredictionLogger(workspace, new PredictionLogOptions
        {
            BatchSize = 10_000,
            QueueCapacity = 50_000,
            DisabledModels = (workspace.Project?.Serving.UnloggedModels ?? []).ToHashSet(StringComparer.Ordinal),
        }));
        services.AddHostedService(sp => new Raciflow.Server.Governance.NotificationDispatchService(workspace, TimeSpan.FromSeconds(2), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Raciflow.Server.Governance.NotificationDispatchService>>()));
        services.AddSingleton<IPredictionObserver>(sp => new PredictionLogObserver(sp.GetRequiredService<PredictionLogger>(), workspace.Clock));
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

    /// <summary>What serving needs in any server (full or serve-only): the served models, their metrics and the alias refresh.</summary>
    public static IServiceCollection AddRaciflowServing(this IServiceCollection services, IServingCatalog catalog, TimeSpan aliasRefresh)
    {
        var models = new ServedModels(catalog);
        services.AddSingleton(models);
        services.AddSingleton<ServingMetrics>();
        services.AddHostedService(sp => new AliasRefreshService(models, sp.GetRequiredService<ServingMetrics>(), aliasRefresh, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AliasRefreshService>>()));
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
