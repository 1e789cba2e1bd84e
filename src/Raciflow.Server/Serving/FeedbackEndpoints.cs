using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Raciflow.Governance.Authorization;
using Raciflow.Monitoring.Feedback;
using Raciflow.Workspaces;

namespace Raciflow.Server.Serving;

/// <summary><c>POST /models/{name}/feedback</c>: the true outcomes of served predictions, by request id or a declared key column.</summary>
public static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/models/{name}/feedback", (Workspace ws, string name, FeedbackRequest request, CancellationToken ct) =>
            new FeedbackService(ws).RecordAsync(
                name,
                (request.Outcomes ?? throw RaciflowException.Invalid("outcomes is required: a list of {key, actual}.", "outcomes"))
                    .Select((o, i) => new FeedbackRecord(o.Key ?? throw RaciflowException.Invalid($"outcomes[{i}].key is required (the request id, or the value of keyColumn).", $"outcomes[{i}].key"), o.Actual, o.Time)),
                request.KeyColumn,
                ct))
            .WithName("RecordFeedback").WithTags("Monitoring").WithMetadata(new GovernedActionAttribute(GovernedActions.Feedback))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
