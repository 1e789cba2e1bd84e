using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Workflows;
using Raciflow.Server.Serving;
using Raciflow.Workspaces;

namespace Raciflow.Server.Governance;

/// <summary>
/// Puts every API call through the same governance core as the CLI. An endpoint with a
/// <see cref="GovernedActionAttribute"/> in its metadata is authorised as that action (401/403 thrown, and audited,
/// by <see cref="Authorizer"/>) and audited once the handler succeeded; any other API endpoint only needs a valid
/// token. A workspace without members (single-user mode) allows everything, attributed to the workspace actor.
/// </summary>
internal sealed class GovernanceEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var workspace = http.RequestServices.GetRequiredService<Workspace>();
        var metadata = http.GetEndpoint()?.Metadata;

        // A model the project serves publicly answers predictions without a token (a public form, a partner).
        if (metadata?.GetMetadata<PublicPredictAttribute>() is not null && http.Request.RouteValues["name"] is string model
            && workspace.Project?.Serving.PublicModels.Contains(model, StringComparer.Ordinal) == true)
        {
            return await next(context);
        }

        var governance = GovernanceHandlers.Register(new GovernanceService(workspace, BearerCredentials.From(http.Request), http.TraceIdentifier));
        http.Features.Set(governance);
        var governed = metadata?.GetMetadata<GovernedActionAttribute>();

        // Approval actions belong to the task of the request they concern, and an alias move is models.alias or a
        // production approval depending on the alias: their core services authorise and audit them, so here the
        // caller only has to be authenticated.
        if (governed is null || GovernedActions.Get(governed.Action).TaskOfRequest || metadata?.GetMetadata<GovernedInHandlerAttribute>() is not null)
        {
            SetUser(http, await Authorizer.AuthenticateAsync(workspace, governance.Credentials, http.RequestAborted));
            return await next(context);
        }

        // The path names what is changed (experiment, run, artifact); it never carries the token.
        var target = $"{http.Request.Method} {http.Request.Path}";
        return await governance.RunAsync(
            governed.Action,
            target,
            grant =>
            {
                SetUser(http, grant.Actor);
                return next(context).AsTask();
            },
            _ => target,
            http.RequestAborted);
    }

    /// <summary>Handlers attribute their work (e.g. a run's user) to whoever the governance core says acts.</summary>
    private static void SetUser(HttpContext http, string actor) =>
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, actor)], "Bearer"));
}
