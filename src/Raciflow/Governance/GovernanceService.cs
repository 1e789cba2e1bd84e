using Raciflow.Governance.Approvals;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Changes;
using Raciflow.Governance.Members;
using Raciflow.Governance.Notifications;
using Raciflow.Governance.Raci;
using Raciflow.Storage.Metadata;
using Raciflow.Workspaces;

namespace Raciflow.Governance;

/// <summary>
/// The one entry point other capabilities call: authorise an action for the caller's credentials, record it in the
/// audit log (with its notifications, in the same transaction), ask for an approval, notify. Typical use:
/// <code>
/// var grant = await governance.AuthorizeAsync(GovernedActions.ModelsRegister, "churn v3");
/// … do the work …
/// await governance.AuditAsync(grant, before: null, after: "version 3 from run 42");
/// </code>
/// or <see cref="PerformAsync{T}"/>, which does all three with the work in the same transaction.
/// </summary>
public sealed class GovernanceService(Workspace workspace, Credentials credentials, string? requestId = null)
{
    public Workspace Workspace { get; } = workspace;

    public Credentials Credentials { get; } = credentials;

    /// <summary>Ties the audit events of one CLI invocation or HTTP request together.</summary>
    public string RequestId { get; } = requestId ?? Guid.NewGuid().ToString("N");

    private ApprovalHandlers? _approvalHandlers;

    /// <summary>Handlers that perform approved actions; capabilities register theirs. The core's own (raci.change) are there from the start.</summary>
    public ApprovalHandlers ApprovalHandlers => _approvalHandlers ??= new ApprovalHandlers().Register(GovernedActions.RaciChange, new RaciChangeHandler(this));

    public ApprovalService Approvals => new(this);

    public MemberService Members => new(this);

    /// <summary>Governed changes of the RACI matrix and of members' roles.</summary>
    public RaciChangeService RaciChanges => new(this);

    /// <summary>Checks the caller may perform <paramref name="action"/>; throws Unauthorized or Forbidden (audited) if not.</summary>
    public Task<AuthorizationGrant> AuthorizeAsync(string action, string? target, CancellationToken cancellationToken = default) =>
        Authorizer.AuthorizeAsync(Workspace, Credentials, action, target, requestId: RequestId, cancellationToken: cancellationToken);

    internal Task<AuthorizationGrant> AuthorizeAsync(string action, string? target, string task, RaciAssignment required, CancellationToken cancellationToken) =>
        Authorizer.AuthorizeAsync(Workspace, Credentials, action, target, task, required, RequestId, cancellationToken);

    /// <summary>True when the action needs an approval (a gate in raciflow.yaml, or production promotion).</summary>
    /// <summary>
    /// Authorizes <paramref name="action"/>, runs <paramref name="work"/> (which commits on its own: artifact writes,
    /// its own transactions) as the granted actor, then audits the outcome and notifies the matrix's roles.
    /// Use <see cref="PerformAsync{T}"/> instead when the work is database-only and can share the audit's transaction.
    /// </summary>
    public async Task<T> RunAsync<T>(string action, string? target, Func<AuthorizationGrant, Task<T>> work, Func<T, string?>? describe = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var grant = await AuthorizeAsync(action, target, cancellationToken);
        var result = await work(grant);
        await AuditAsync(grant, null, describe?.Invoke(result), cancellationToken: cancellationToken);
        return result;
    }

    public bool RequiresApproval(string action) => ApprovalGates.Find(Workspace.Project, action) is not null;

    /// <summary>
    /// Appends the audit event of a performed action and queues its notifications, in <paramref name="db"/>'s
    /// transaction when given (so the caller's own writes commit with them), else in a transaction of its own.
    /// </summary>
    public Task<AuditEvent> AuditAsync(AuthorizationGrant grant, string? before, string? after, RaciflowDbContext? db = null, Notification? notification = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        async Task<AuditEvent> Work(RaciflowDbContext ctx)
        {
            var entry = new AuditEntry(grant.Actor, grant.Role, grant.Task, grant.Action, grant.Target, AuditOutcome.Allowed, before, after, RequestId);
            var audit = await AuditLog.AppendAsync(ctx, entry, Workspace.UtcNow, cancellationToken);
            var told = notification ?? new Notification(grant.Action, grant.Task, grant.Actor, grant.Target, Describe(grant, after));
            await Notifier.EnqueueAsync(ctx, Workspace.Project, told, audit.Sequence, Workspace.UtcNow, cancellationToken);
            return audit;
        }

        return db is null
            ? GovernanceTransaction.RunAsync(Workspace.Metadata, Work, cancellationToken)
            : GovernanceTransaction.RunInAsync(db, Work, cancellationToken);
    }

    /// <summary>
    /// Authorises, runs <paramref name="work"/> and audits it in one transaction. Gated actions need the id of an
    /// approved request for exactly these arguments, which is used up here (Conflict when forged or replayed).
    /// </summary>
    public async Task<T> PerformAsync<T>(string action, string? target, Func<RaciflowDbContext, Task<GovernedResult<T>>> work, long? approvalId = null, string? argumentsJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var grant = await AuthorizeAsync(action, target, cancellationToken);
        var gated = RequiresApproval(action);
        if (gated && approvalId is null)
        {
            throw new RaciflowException(ErrorKind.Forbidden, $"'{action}' on {target ?? "this target"} needs an approval by the Accountable of {grant.Task}: request one (approvals) and pass its id.") { Location = action };
        }

        return await GovernanceTransaction.RunAsync(Workspace.Metadata, async db =>
        {
            if (gated)
            {
                await Approvals.ConsumeInAsync(db, approvalId!.Value, action, argumentsJson ?? "{}", cancellationToken);
            }

            var result = await work(db);
            await AuditAsync(grant, result.Before, result.After, db, cancellationToken: cancellationToken);
            return result.Value;
        }, cancellationToken);
    }

    /// <summary>Asks the task's Accountable to approve a gated action; the Consulted are asked for their opinion.</summary>
    public Task<ApprovalRequest> RequestApprovalAsync(string action, string? target, string argumentsJson, string? evidenceJson, CancellationToken cancellationToken = default) =>
        Approvals.RequestAsync(action, target, argumentsJson, evidenceJson, cancellationToken);

    /// <summary>Queues a notification on its own (for events with no audited action, e.g. a monitoring alert).</summary>
    public Task<IReadOnlyList<OutboxMessage>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default) =>
        GovernanceTransaction.RunAsync(Workspace.Metadata, db => Notifier.EnqueueAsync(db, Workspace.Project, notification, null, Workspace.UtcNow, cancellationToken), cancellationToken);

    /// <summary>Delivers queued notifications (inbox and webhooks).</summary>
    public Task<DispatchReport> DispatchAsync(HttpClient http, CancellationToken cancellationToken = default) =>
        new NotificationDispatcher(Workspace, http).DispatchAsync(cancellationToken: cancellationToken);

    private static string Describe(AuthorizationGrant grant, string? after) =>
        $"{grant.Actor} ({grant.Role}) did {grant.Action}{(grant.Target is null ? string.Empty : " on " + grant.Target)}{(after is null ? string.Empty : ": " + after)}";
}
