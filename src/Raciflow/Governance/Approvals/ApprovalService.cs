using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Notifications;
using Raciflow.Governance.Raci;
using Raciflow.Projects;
using Raciflow.Storage.Metadata;

namespace Raciflow.Governance.Approvals;

/// <summary>
/// Approval requests for gated actions. Anyone who may perform the action may request it; the C roles of its task
/// comment; only its Accountable approves or rejects (not the requester, under separation of duties). A decision is
/// made once (Conflict on re-deciding), and an approval is used once for exactly its arguments.
/// </summary>
public sealed class ApprovalService(GovernanceService governance)
{
    private const RaciAssignment Commenters = RaciAssignment.Consulted | RaciAssignment.Responsible | RaciAssignment.Accountable;

    private DateTime Now => governance.Workspace.UtcNow;

    public async Task<ApprovalRequest> RequestAsync(string action, string? target, string argumentsJson, string? evidenceJson, CancellationToken cancellationToken = default)
    {
        var gate = ApprovalGates.Find(governance.Workspace.Project, action)
            ?? throw RaciflowException.Invalid($"'{action}' has no gate in raciflow.yaml, so it needs no approval; perform it directly.", "gates");
        var arguments = ApprovalArguments.Canonicalize(argumentsJson, "arguments");
        var evidence = evidenceJson is null ? null : ApprovalArguments.Canonicalize(evidenceJson, "evidence");
        var grant = await governance.AuthorizeAsync(action, target, cancellationToken);
        return await FileAsync(grant, gate, action, target, arguments, evidence, cancellationToken);
    }

    /// <summary>
    /// Files a request for a caller already authorised for something that leads to it (e.g. a retraining asking to
    /// promote its challenger): the request belongs to the gated action's task, so its Accountable decides.
    /// </summary>
    internal async Task<ApprovalRequest> RequestOnBehalfAsync(AuthorizationGrant requester, string action, string? target, string argumentsJson, string? evidenceJson, CancellationToken cancellationToken)
    {
        var gate = ApprovalGates.Find(governance.Workspace.Project, action)
            ?? throw RaciflowException.Invalid($"'{action}' has no gate in raciflow.yaml, so it needs no approval; perform it directly.", "gates");
        var grant = requester with { Action = action, Task = GovernedActions.Get(action).Task, Target = target };
        return await FileAsync(grant, gate, action, target, ApprovalArguments.Canonicalize(argumentsJson, "arguments"), evidenceJson is null ? null : ApprovalArguments.Canonicalize(evidenceJson, "evidence"), cancellationToken);
    }

    private async Task<ApprovalRequest> FileAsync(AuthorizationGrant grant, GateConfig gate, string action, string? target, string arguments, string? evidence, CancellationToken cancellationToken)
    {
        governance.ApprovalHandlers.Find(action)?.ValidateArguments(arguments);
        var consulted = governance.Workspace.Project is { } project
            ? RaciMatrix.Parse(project.Raci).RolesWith(grant.Task, RaciAssignment.Consulted)
            : [];
        return await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
        {
            var request = new ApprovalRequest
            {
                Action = action,
                Task = grant.Task,
                Target = target,
                ArgumentsJson = arguments,
                ArgumentsHash = ApprovalArguments.Hash(arguments),
                EvidenceJson = evidence,
                Status = ApprovalStatus.Pending,
                RequestedBy = grant.Actor,
                RequestedAt = Now,
                ConsultedRoles = string.Join(",", consulted),
                RequireConsulted = gate.RequireConsulted,
                SeparationOfDuties = gate.SeparationOfDuties,
                Deadline = gate.DeadlineHours is { } hours ? Now.AddHours(hours) : null,
            };
            db.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            var audited = grant with { Action = GovernedActions.ApprovalsRequest, Target = $"approval {request.Id}: {action} {target}" };
            var text = $"{grant.Actor} asks to {action}{(target is null ? string.Empty : " " + target)} (approval {request.Id})";
            await governance.AuditAsync(audited, null, $"pending {arguments}", db, new Notification("approval.requested", grant.Task, grant.Actor, audited.Target, text, ActionNeeded: true, ConsultRoles: true), cancellationToken);
            return request;
        }, cancellationToken);
    }

    public async Task<ApprovalComment> CommentAsync(long id, string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RaciflowException.Invalid("TEXT: a comment cannot be empty.", "TEXT");
        }

        var request = await GetAsync(id, cancellationToken);
        var grant = await governance.AuthorizeAsync(GovernedActions.ApprovalsComment, $"approval {id}", request.Task, Commenters, cancellationToken);
        return await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
        {
            var status = await db.Set<ApprovalRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(cancellationToken);
            if (status != ApprovalStatus.Pending)
            {
                throw RaciflowException.Conflict($"Approval {id} is already {status}; it takes no more comments.");
            }

            var comment = new ApprovalComment { ApprovalRequestId = id, Author = grant.Actor, Role = grant.Role, Text = text.Trim(), CreatedAt = Now };
            db.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            await governance.AuditAsync(grant, null, comment.Text, db, new Notification("approval.commented", request.Task, grant.Actor, grant.Target, $"{grant.Actor} ({grant.Role}) commented on approval {id}: {comment.Text}"), cancellationToken);
            return comment;
        }, cancellationToken);
    }

    public Task<ApprovalDecision> ApproveAsync(long id, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(id, ApprovalStatus.Approved, GovernedActions.ApprovalsApprove, comment, cancellationToken);

    public Task<ApprovalDecision> RejectAsync(long id, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(id, ApprovalStatus.Rejected, GovernedActions.ApprovalsReject, comment, cancellationToken);

    public async Task<ApprovalRequest> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = governance.Workspace.Metadata.CreateContext();
        return await db.Set<ApprovalRequest>().AsNoTracking().Include(r => r.Comments.OrderBy(c => c.Id)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw RaciflowException.NotFound($"There is no approval request {id}; 'raciflow approvals list' shows them.");
    }

    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(string? status = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var db = governance.Workspace.Metadata.CreateContext();
        var requests = db.Set<ApprovalRequest>().AsNoTracking();
        if (status is { Length: > 0 })
        {
            requests = requests.Where(r => r.Status == status);
        }

        return await requests.OrderByDescending(r => r.Id).Take(Math.Max(1, limit)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Uses an approval to perform its action: Conflict when it is not approved, was already used (replay), or was
    /// granted for another action or other arguments (forgery). For callers that perform the action themselves.
    /// </summary>
    public Task ConsumeAsync(long id, string action, string argumentsJson, CancellationToken cancellationToken = default) =>
        GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
        {
            await ConsumeInAsync(db, id, action, argumentsJson, cancellationToken);
            return true;
        }, cancellationToken);

    internal async Task ConsumeInAsync(RaciflowDbContext db, long id, string action, string argumentsJson, CancellationToken cancellationToken)
    {
        var request = await db.Set<ApprovalRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw RaciflowException.NotFound($"There is no approval request {id}.");
        var hash = ApprovalArguments.Hash(ApprovalArguments.Canonicalize(argumentsJson, "arguments"));
        if (request.Action != action || request.ArgumentsHash != hash)
        {
            throw RaciflowException.Conflict($"Approval {id} was granted for {request.Action} {request.ArgumentsJson}, not for {action} with these arguments.");
        }

        if (request.Status != ApprovalStatus.Approved)
        {
            throw RaciflowException.Conflict($"Approval {id} is {request.Status}, not approved.");
        }

        var now = Now;
        var used = await db.Set<ApprovalRequest>().Where(r => r.Id == id && r.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, now), cancellationToken);
        if (used == 0)
        {
            throw RaciflowException.Conflict($"Approval {id} was already used; an approval allows its action once.");
        }
    }

    private async Task<ApprovalDecision> DecideAsync(long id, string status, string action, string? comment, CancellationToken cancellationToken)
    {
        var request = await GetAsync(id, cancellationToken);
        var grant = await governance.AuthorizeAsync(action, $"approval {id}", request.Task, RaciAssignment.Accountable, cancellationToken);
        if (request.Status != ApprovalStatus.Pending)
        {
            throw AlreadyDecided(request);
        }

        if (request.SeparationOfDuties && !grant.SingleUserMode && grant.Actor == request.RequestedBy)
        {
            var message = $"{grant.Actor} requested approval {id}, so under separation of duties (gates in raciflow.yaml) another holder of the Accountable role ({grant.Role}) must decide it.";
            await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, db => AuditLog.AppendAsync(db, new AuditEntry(grant.Actor, grant.Role, grant.Task, action, grant.Target, AuditOutcome.Denied, After: message, RequestId: governance.RequestId), Now, cancellationToken), cancellationToken);
            throw new RaciflowException(ErrorKind.Forbidden, message) { Location = action };
        }

        if (status == ApprovalStatus.Approved && !grant.SingleUserMode)
        {
            CheckConsultations(request);
        }

        var now = Now;
        await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
        {
            var changed = await db.Set<ApprovalRequest>().Where(r => r.Id == id && r.Status == ApprovalStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.DecidedBy, grant.Actor).SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecisionComment, comment), cancellationToken);
            if (changed == 0)
            {
                throw AlreadyDecided(await db.Set<ApprovalRequest>().AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken));
            }

            var text = $"{grant.Actor} {status} approval {id}: {request.Action} {request.Target}{(comment is null ? string.Empty : " (" + comment + ")")}";
            await governance.AuditAsync(grant, ApprovalStatus.Pending, status, db, new Notification($"approval.{status}", request.Task, grant.Actor, grant.Target, text), cancellationToken);
            return true;
        }, cancellationToken);

        var decided = await GetAsync(id, cancellationToken);
        if (status == ApprovalStatus.Approved && governance.ApprovalHandlers.Find(decided.Action) is { } handler)
        {
            await ConsumeAsync(id, decided.Action, decided.ArgumentsJson, cancellationToken);
            var result = await handler.PerformAsync(decided, cancellationToken);
            return new ApprovalDecision(await GetAsync(id, cancellationToken), true, result);
        }

        return new ApprovalDecision(decided, false, null);
    }

    /// <summary>Every C role must have commented, unless the deadline has passed.</summary>
    private void CheckConsultations(ApprovalRequest request)
    {
        if (!request.RequireConsulted || (request.Deadline is { } deadline && Now >= deadline))
        {
            return;
        }

        var answered = request.Comments.Select(c => c.Role).ToHashSet();
        var waiting = request.ConsultedRoles.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(r => !answered.Contains(r)).ToList();
        if (waiting.Count > 0)
        {
            var until = request.Deadline is { } d ? $" or until {d:yyyy-MM-dd HH:mm} UTC" : string.Empty;
            throw new RaciflowException(ErrorKind.Unprocessable, $"Approval {request.Id} waits for the consulted roles {string.Join(", ", waiting)} to comment{until} (gate for {request.Action} requires it).");
        }
    }

    private static RaciflowException AlreadyDecided(ApprovalRequest r) =>
        RaciflowException.Conflict($"Approval {r.Id} was already {r.Status} by {r.DecidedBy} at {r.DecidedAt:yyyy-MM-dd HH:mm:ss} UTC; a decision is final.");
}
