using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows.Promotion;
using Raciflow.Registry;
using Raciflow.Serving;
using Raciflow.Workspaces;

namespace Raciflow.Server.Serving;

/// <summary>The model registry over HTTP: the same operations as <c>raciflow models …</c> and <c>raciflow lineage</c>.</summary>
public static class RegistryEndpoints
{
    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var models = group.MapGroup("/models").WithTags("Registry");
        models.MapGet("/", (Workspace ws, CancellationToken ct) => new ModelRegistry(ws).ListAsync(ct)).WithName("ListModels");
        models.MapGet("/{name}", async (Workspace ws, string name, CancellationToken ct) =>
        {
            var registry = new ModelRegistry(ws);
            return new { versions = await registry.VersionsAsync(name, ct), aliasHistory = await registry.AliasHistoryAsync(name, cancellationToken: ct) };
        }).WithName("GetModel").ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{name}/versions/{version:int}", (Workspace ws, string name, int version, CancellationToken ct) =>
            new LineageService(ws).ForModelAsync(ModelRef.ForVersion(name, version), ct)).WithName("GetModelVersion").ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{name}/versions/{version:int}/card", async (Workspace ws, string name, int version, CancellationToken ct) =>
            Results.Text(ModelCard.Render(await new LineageService(ws).ForModelAsync(ModelRef.ForVersion(name, version), ct), ws.Project), "text/markdown; charset=utf-8"))
            .WithName("GetModelCard").ProducesProblem(StatusCodes.Status404NotFound);

        models.MapPost("/", async (HttpContext http, Workspace ws, RegisterModelRequest request, CancellationToken ct) =>
        {
            var version = await new ModelRegistry(ws).RegisterAsync(request.RunId ?? throw RaciflowException.Invalid("runId is required.", "runId"), request.Name ?? throw RaciflowException.Invalid("name is required.", "name"), request.Description, http.User.Identity?.Name, ct);
            return TypedResults.Created($"{http.Request.PathBase}/api/v1/models/{version.Model}/versions/{version.Version}", version);
        }).WithName("RegisterModel").WithMetadata(new GovernedActionAttribute(GovernedActions.ModelsRegister)).ProducesProblem(StatusCodes.Status403Forbidden);

        models.MapPut("/{name}/aliases/{alias}", async (HttpContext http, ServedModels served, string name, string alias, MoveAliasRequest request, CancellationToken ct) =>
        {
            var outcome = await new PromotionService(Governance(http)).MoveAsync(name, request.Version, alias, request.ApprovalId, cancellationToken: ct);
            if (outcome.Move is null)
            {
                return Results.Accepted($"/api/v1/approvals/{outcome.Approval!.Id}", outcome);
            }

            await served.RefreshAsync(ct);
            return Results.Ok(outcome);
        }).WithName("MoveAlias").WithMetadata(new GovernedActionAttribute(GovernedActions.ModelsAlias), new GovernedInHandlerAttribute())
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        models.MapPost("/{name}/rollback", async (HttpContext http, ServedModels served, string name, string? alias, CancellationToken ct) =>
        {
            var move = await new PromotionService(Governance(http)).RollbackAsync(name, alias ?? ModelAliases.Production, ct);
            await served.RefreshAsync(ct);
            return move;
        }).WithName("RollbackModel").WithMetadata(new GovernedActionAttribute(GovernedActions.ModelsRollback), new GovernedInHandlerAttribute())
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/lineage/datasets/{name}/{version}", (Workspace ws, string name, string version, CancellationToken ct) =>
            new LineageService(ws).ForDatasetAsync(new Data.DatasetRef(name, version), ct)).WithTags("Registry").WithName("DatasetLineage");
        return group;
    }

    private static GovernanceService Governance(HttpContext http) =>
        http.Features.Get<GovernanceService>() ?? throw new InvalidOperationException("The governance filter did not run for this endpoint.");
}
