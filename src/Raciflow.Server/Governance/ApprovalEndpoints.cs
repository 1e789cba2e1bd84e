using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Raciflow.Governance;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Authorization;

namespace Raciflow.Server.Governance;

/// <summary>
/// Approval requests over HTTP: the same <see cref="ApprovalService"/> calls as 'raciflow approvals', made with the
/// caller's bearer token. The service authorises against the request's own task (only its A decides) and audits.
/// </summary>
public static class ApprovalEndpoints
{
    public static RouteGroupBuilder MapApprovals(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var approvals = api.MapGroup("/approvals").WithTags("Approvals");
        approvals.MapGet("/", List).WithName("ListApprovals").WithSummary("List approval requests, newest first");
        approvals.MapGet("/{id:long}", Get).WithName("GetApproval").WithSummary("Get an approval request with its comments").ProducesProblem(StatusCodes.Status404NotFound);
        approvals.MapPost("/{id:long}/comments", Comment).WithName("CommentApproval").WithSummary("Comment on a pending request")
            .WithMetadata(new GovernedActionAttribute(GovernedActions.ApprovalsComment)).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        approvals.MapPost("/{id:long}/approve", Approve).WithName("ApproveApproval").WithSummary("Approve (only the task's Accountable)")
            .WithMetadata(new GovernedActionAttribute(GovernedActions.ApprovalsApprove)).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        approvals.MapPost("/{id:long}/reject", Reject).WithName("RejectApproval").WithSummary("Reject (only the task's Accountable)")
            .WithMetadata(new GovernedActionAttribute(GovernedActions.ApprovalsReject)).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ApprovalRequest>>> List(string? status, int? limit, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Governance(http).Approvals.ListAsync(status, limit ?? 50, ct));

    private static async Task<Ok<ApprovalRequest>> Get(long id, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Governance(http).Approvals.GetAsync(id, ct));

    private static async Task<Ok<ApprovalComment>> Comment(long id, CommentRequest? request, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Governance(http).Approvals.CommentAsync(id, request?.Text ?? string.Empty, ct));

    private static async Task<Ok<ApprovalDecision>> Approve(long id, DecisionRequest? request, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Governance(http).Approvals.ApproveAsync(id, request?.Comment, ct));

    private static async Task<Ok<ApprovalDecision>> Reject(long id, DecisionRequest? request, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Governance(http).Approvals.RejectAsync(id, request?.Comment, ct));

    // Set by GovernanceEndpointFilter, which runs on every API endpoint.
    private static GovernanceService Governance(HttpContext http) => http.Features.Get<GovernanceService>()
        ?? throw new InvalidOperationException("The governance endpoint filter did not run for this endpoint.");
}
