using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Raciflow.Data;
using Raciflow.Monitoring;
using Raciflow.Monitoring.ModelDrift;
using Raciflow.Registry;
using Raciflow.Workspaces;

namespace Raciflow.Server.Monitoring;

/// <summary>
/// <c>GET /models/{name}/drift?window=24h</c> or <c>?dataset=NAME@V</c>: the served version's training rows against
/// its recent traffic or a dataset version. A read: nothing is saved (the CLI and the dashboard keep the history).
/// </summary>
public static class DriftEndpoints
{
    public static RouteGroupBuilder MapDrift(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/models/{name}/drift", AnalyzeAsync)
            .WithName("ModelDrift").WithTags("Monitoring").WithSummary("Drift of a served model per feature: window=30m|24h|7d (default 24h) or dataset=NAME@V")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<ModelDriftSummary> AnalyzeAsync(Workspace ws, string name, string? window, string? dataset, CancellationToken ct)
    {
        if (window is not null && dataset is not null)
        {
            throw RaciflowException.Invalid("Give either window (served traffic) or dataset (a dataset version), not both.", "window");
        }

        var now = ws.Clock.GetUtcNow();
        var current = dataset is not null
            ? DriftCurrent.OfDataset(DatasetRef.Parse(dataset))
            : DriftCurrent.Window(now - MonitoringWindow.Parse(window ?? MonitoringWindow.Default), now);
        return ModelDriftSummary.Of(await new ModelDriftService(ws).AnalyzeAsync(ModelRef.Parse(name), current, ct));
    }
}
