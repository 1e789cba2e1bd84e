using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring.Alerts;
using Raciflow.Workflows.Retraining;
using Raciflow.Server.Serving;

namespace Raciflow.Server.Monitoring;

/// <summary>Alerts and retraining over HTTP: the same operations as <c>raciflow alerts …</c> and <c>raciflow retrain</c>.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var alerts = group.MapGroup("/alerts").WithTags("Monitoring");
        alerts.MapGet("/", (HttpContext http, string? model, string? status, int? limit, CancellationToken ct) =>
            new AlertService(Governance(http)).ListAsync(model, status, limit ?? 100, ct)).WithName("ListAlerts");
        alerts.MapGet("/{id:long}", (HttpContext http, long id, CancellationToken ct) => new AlertService(Governance(http)).GetAsync(id, ct))
            .WithName("GetAlert").ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapPost("/{id:long}/ack", (HttpContext http, long id, AlertNoteRequest? request, CancellationToken ct) =>
            new AlertService(Governance(http)).AckAsync(id, request?.Note, ct))
            .WithName("AcknowledgeAlert").WithMetadata(new GovernedActionAttribute(GovernedActions.AlertsAck), new GovernedInHandlerAttribute())
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        alerts.MapPost("/{id:long}/resolve", (HttpContext http, long id, AlertNoteRequest? request, CancellationToken ct) =>
            new AlertService(Governance(http)).ResolveAsync(id, request?.Note, ct))
            .WithName("ResolveAlert").WithMetadata(new GovernedActionAttribute(GovernedActions.AlertsResolve), new GovernedInHandlerAttribute())
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // Evaluating is what the schedule does; any member may ask for it now. Acting on alerts is governed.
        group.MapPost("/models/{name}/alerts/evaluate", (HttpContext http, string name, CancellationToken ct) =>
            new MonitoringCycle(Governance(http)).RunAsync(name, ct))
            .WithName("EvaluateAlerts").WithTags("Monitoring")
            .WithMetadata(new NotGovernedAttribute("runs the monitor raciflow.yaml configures, as the schedule does; acting on alerts is governed and retraining is audited as the policy"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/models/{name}/retrain", (HttpContext http, string name, RetrainRequest? request, CancellationToken ct) =>
            new RetrainingService(Governance(http)).RetrainAsync(name, request?.Reason, ct))
            .WithName("Retrain").WithTags("Monitoring").WithMetadata(new GovernedActionAttribute(GovernedActions.Retrain), new GovernedInHandlerAttribute())
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static GovernanceService Governance(HttpContext http) =>
        http.Features.Get<GovernanceService>() ?? throw new InvalidOperationException("The governance filter did not run for this endpoint.");
}
