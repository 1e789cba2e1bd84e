using Raciflow.Governance;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

[Trait("Category", TestServices.Integration)]
public sealed class ApprovalTests
{
    private const string Promote = GovernedActions.ModelsAliasProduction;
    private const string Args = """{"version": 3, "model": "churn"}""";

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheAccountableApprovesAndTheApprovalAllowsTheActionOnce(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var request = await ws.As(t["olga"]).RequestApprovalAsync(Promote, "churn v3", Args, """{"kpis":[{"metric":"r2","value":0.91,"min":0.8}]}""");
        Assert.Equal((ApprovalStatus.Pending, "packaging-deployment", "olga"), (request.Status, request.Task, request.RequestedBy));
        Assert.Equal("""{"model":"churn","version":3}""", request.ArgumentsJson);
        Assert.Equal("data-scientist,software-engineer", request.ConsultedRoles);

        var decision = await ws.As(t["max"]).Approvals.ApproveAsync(request.Id, "KPIs met");
        Assert.False(decision.Performed);
        Assert.Equal((ApprovalStatus.Approved, "max"), (decision.Request.Status, decision.Request.DecidedBy));
        Assert.Equal(Promote, decision.Action);

        // The action itself, performed with the approval id: the alias move runs, and is audited, once.
        var moved = 0;
        var performed = await ws.As(t["olga"]).PerformAsync(Promote, "churn v3", _ => Task.FromResult(new GovernedResult<int>(++moved, "v2", "v3")), request.Id, """{"model":"churn","version":3}""");
        Assert.Equal(1, performed);
        var replay = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["olga"]).PerformAsync(Promote, "churn v3", _ => Task.FromResult(new GovernedResult<int>(++moved, "v2", "v3")), request.Id, Args));
        Assert.Equal(ErrorKind.Conflict, replay.Kind);
        Assert.Equal(409, replay.Kind.HttpStatus());
        Assert.Equal(1, moved);

        var actions = (await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Task: "packaging-deployment"))).Select(e => e.Action).Reverse().ToList();
        Assert.Equal([GovernedActions.ApprovalsRequest, GovernedActions.ApprovalsApprove, Promote], actions);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AGatedActionWithoutAnApprovalOrWithAForgedOneIsRefused(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var none = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["max"]).PerformAsync(Promote, "churn v3", _ => Task.FromResult(new GovernedResult<int>(1, null, null))));
        Assert.Equal(ErrorKind.Forbidden, none.Kind);
        Assert.Contains("needs an approval", none.Message, StringComparison.Ordinal);

        var request = await ws.As(t["olga"]).RequestApprovalAsync(Promote, "churn v3", Args, null);
        var pending = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["olga"]).Approvals.ConsumeAsync(request.Id, Promote, Args));
        Assert.Equal(ErrorKind.Conflict, pending.Kind);
        await ws.As(t["max"]).Approvals.ApproveAsync(request.Id, null);

        var otherArgs = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["olga"]).Approvals.ConsumeAsync(request.Id, Promote, """{"model":"churn","version":4}"""));
        Assert.Equal(ErrorKind.Conflict, otherArgs.Kind);
        Assert.Contains("not for models.alias.production with these arguments", otherArgs.Message, StringComparison.Ordinal);
        var otherAction = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["olga"]).Approvals.ConsumeAsync(request.Id, GovernedActions.ModelsRollback, Args));
        Assert.Equal(ErrorKind.Conflict, otherAction.Kind);
        var missing = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["olga"]).Approvals.ConsumeAsync(999, Promote, Args));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);

        await ws.As(t["olga"]).Approvals.ConsumeAsync(request.Id, Promote, Args);
        var again = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["olga"]).Approvals.ConsumeAsync(request.Id, Promote, Args));
        Assert.Contains("already used", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task OnlyTheAccountableDecidesAndNotTheRequesterUnderSeparationOfDuties(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var request = await ws.As(t["max"]).RequestApprovalAsync(Promote, "churn v3", Args, null);

        var responsible = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["olga"]).Approvals.ApproveAsync(request.Id, null));
        Assert.Equal(ErrorKind.Forbidden, responsible.Kind);
        Assert.Contains("needs a role that is A (the Accountable). Roles that may: ml-engineer (RA): max, mia", responsible.Message, StringComparison.Ordinal);

        var self = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["max"]).Approvals.ApproveAsync(request.Id, null));
        Assert.Equal(ErrorKind.Forbidden, self.Kind);
        Assert.Contains("separation of duties", self.Message, StringComparison.Ordinal);

        var decision = await ws.As(t["mia"]).Approvals.RejectAsync(request.Id, "drift too high");
        Assert.Equal((ApprovalStatus.Rejected, "mia", "drift too high"), (decision.Request.Status, decision.Request.DecidedBy, decision.Request.DecisionComment));
        var denials = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Action: GovernedActions.ApprovalsApprove));
        Assert.Equal(2, denials.Count(d => d.Outcome == AuditOutcome.Denied));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task DecidingAnAlreadyDecidedRequestIsAConflict(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var request = await ws.As(t["olga"]).RequestApprovalAsync(Promote, "churn v3", Args, null);
        await ws.As(t["max"]).Approvals.ApproveAsync(request.Id, null);
        var twice = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["mia"]).Approvals.ApproveAsync(request.Id, null));
        Assert.Equal(ErrorKind.Conflict, twice.Kind);
        Assert.Contains("already approved by max", twice.Message, StringComparison.Ordinal);
        var reject = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["mia"]).Approvals.RejectAsync(request.Id, null));
        Assert.Equal(ErrorKind.Conflict, reject.Kind);
        var comment = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["dana"]).Approvals.CommentAsync(request.Id, "late"));
        Assert.Equal(ErrorKind.Conflict, comment.Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ConcurrentDecisionsLetExactlyOneWin(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var request = await ws.As(t["olga"]).RequestApprovalAsync(Promote, "churn v3", Args, null);
        var results = await Task.WhenAll(
            Outcome(() => ws.As(t["max"]).Approvals.ApproveAsync(request.Id, null)),
            Outcome(() => ws.As(t["mia"]).Approvals.RejectAsync(request.Id, null)));
        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r == ErrorKind.Conflict);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AGateCanRequireEveryConsultedRoleToCommentUntilADeadline(StoreKind kind)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.FixedWith("""
            gates:
              - action: models.alias.production
                require_consulted: true
                deadline_hours: 24
              - action: models.register
                require_consulted: true
            """), clock);
        var t = await Team(ws);
        var request = await ws.As(t["olga"]).RequestApprovalAsync(Promote, "churn v3", Args, null);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), request.Deadline);

        var early = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["max"]).Approvals.ApproveAsync(request.Id, null));
        Assert.Equal(ErrorKind.Unprocessable, early.Kind);
        Assert.Contains("data-scientist, software-engineer", early.Message, StringComparison.Ordinal);

        var comment = await ws.As(t["dana"]).Approvals.CommentAsync(request.Id, "metrics look right");
        Assert.Equal("data-scientist", comment.Role);
        var outsider = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["owner"]).Approvals.CommentAsync(request.Id, "hi"));
        Assert.Equal(ErrorKind.Forbidden, outsider.Kind);
        var stillWaiting = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["max"]).Approvals.ApproveAsync(request.Id, null));
        Assert.Contains("software-engineer", stillWaiting.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("data-scientist", stillWaiting.Message, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(24));
        var decision = await ws.As(t["max"]).Approvals.ApproveAsync(request.Id, "deadline passed");
        Assert.Equal(ApprovalStatus.Approved, decision.Request.Status);
        Assert.Single((await ws.Anonymous.Approvals.GetAsync(request.Id)).Comments);

        // Any governed action can be gated from raciflow.yaml.
        Assert.True(ws.Anonymous.RequiresApproval(GovernedActions.ModelsRegister));
        Assert.False(ws.Anonymous.RequiresApproval(GovernedActions.Train));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ARegisteredHandlerPerformsTheActionWhenApproved(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var request = await ws.As(t["olga"]).RequestApprovalAsync(Promote, "churn v3", Args, null);
        var approver = ws.As(t["max"]);
        var handler = new RecordingHandler();
        approver.ApprovalHandlers.Register(Promote, handler);
        var decision = await approver.Approvals.ApproveAsync(request.Id, null);
        Assert.True(decision.Performed);
        Assert.Equal("production → v3", decision.Result);
        Assert.Equal([request.Id], handler.Performed);
        Assert.NotNull(decision.Request.ConsumedAt);
        var replay = await Assert.ThrowsAsync<RaciflowException>(() => approver.Approvals.ConsumeAsync(request.Id, Promote, Args));
        Assert.Equal(ErrorKind.Conflict, replay.Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task RequestsNeedAGatedActionValidJsonAndTheRightToPerformIt(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var ungated = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["dana"]).RequestApprovalAsync(GovernedActions.Train, "x", "{}", null));
        Assert.Equal(ErrorKind.Invalid, ungated.Kind);
        var json = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["max"]).RequestApprovalAsync(Promote, "x", "{not json", null));
        Assert.Equal("arguments", json.Location);
        var forbidden = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["dana"]).RequestApprovalAsync(Promote, "x", "{}", null));
        Assert.Equal(ErrorKind.Forbidden, forbidden.Kind);
    }

    /// <summary>owner (BS, admin), dana (DS), max and mia (MLE), olga (DevOps), sam (SME, DE).</summary>
    private static Task<Dictionary<string, string>> Team(GovernanceWorkspace ws) =>
        ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"), ("mia", "MLE"), ("olga", "DevOps"), ("sam", "SME,DE"));

    private static async Task<ErrorKind?> Outcome(Func<Task> work)
    {
        try
        {
            await work();
            return null;
        }
        catch (RaciflowException ex)
        {
            return ex.Kind;
        }
    }

    private sealed class RecordingHandler : IApprovalHandler
    {
        public List<long> Performed { get; } = [];

        public Task<string?> PerformAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Performed.Add(request.Id);
            return Task.FromResult<string?>("production → v3");
        }
    }
}
