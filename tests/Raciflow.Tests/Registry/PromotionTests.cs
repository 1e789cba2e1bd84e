using Raciflow.Governance.Audit;
using Raciflow.Governance.Approvals;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Workflows.Promotion;
using Raciflow.Registry;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Registry;

[Trait("Category", TestServices.Integration)]
public sealed class PromotionTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ProductionMovesOnlyThroughTheAccountablesApprovalAndRollsBackInOneStep(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "business-stakeholder"), ("dana", "data-scientist"), ("max", "ml-engineer"), ("omar", "devops-engineer"));
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, ["linear", "decision-tree"]);
        var registry = new ModelRegistry(ws.Workspace);
        await registry.RegisterAsync(report.Leaderboard[0].RunId, "students");
        await registry.RegisterAsync(report.Leaderboard[1].RunId, "students");
        PromotionService As(string member) => new(GovernanceHandlers.Register(ws.As(tokens[member])));

        // The data scientist is only consulted on packaging-deployment: she may not even ask.
        var denied = await Assert.ThrowsAsync<RaciflowException>(() => As("dana").MoveAsync("students", 1, ModelAliases.Production));
        Assert.Equal(ErrorKind.Forbidden, denied.Kind);

        // The DevOps engineer is Responsible and asks; the ML engineer is Accountable and decides (separation of duties).
        var asked = await As("omar").MoveAsync("students", 1, ModelAliases.Production);
        Assert.Null(asked.Move);
        var request = asked.Approval!;
        Assert.Equal(ApprovalStatus.Pending, request.Status);
        Assert.Null(asked.Evidence!.Current);
        Assert.Contains(asked.Evidence.Metrics, m => m.Metric == "test_r2" && m.Current is null);
        await Assert.ThrowsAsync<RaciflowException>(() => registry.GetAsync(ModelRef.Parse("students@production")));

        var notAccountable = await Assert.ThrowsAsync<RaciflowException>(() => GovernanceHandlers.Register(ws.As(tokens["dana"])).Approvals.ApproveAsync(request.Id, "fine"));
        Assert.Equal(ErrorKind.Forbidden, notAccountable.Kind);

        var decision = await GovernanceHandlers.Register(ws.As(tokens["max"])).Approvals.ApproveAsync(request.Id, "KPIs pass");
        Assert.True(decision.Performed);
        Assert.Equal(1, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);
        var replay = await Assert.ThrowsAsync<RaciflowException>(() => As("max").MoveAsync("students", 1, ModelAliases.Production, request.Id));
        Assert.Equal(ErrorKind.Conflict, replay.Kind);

        // Staging is not gated; the second production move compares with the first.
        var staged = await As("omar").MoveAsync("students", 2, ModelAliases.Staging);
        Assert.Equal(2, staged.Move!.To);
        var second = await As("omar").MoveAsync("students", 2, ModelAliases.Production);
        Assert.Equal("students@1", second.Evidence!.Current);
        Assert.Contains(second.Evidence.Metrics, m => m.Metric == "test_r2" && m.Current is not null && m.Delta is not null);
        await GovernanceHandlers.Register(ws.As(tokens["max"])).Approvals.ApproveAsync(second.Approval!.Id, null);
        Assert.Equal(2, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);

        var back = await As("max").RollbackAsync("students");
        Assert.Equal((2, 1, "rollback"), (back.From!.Value, back.To!.Value, back.Reason));
        Assert.Equal(1, (await registry.GetServedAsync(ModelRef.Parse("students"))).Version);

        var history = await registry.AliasHistoryAsync("students", ModelAliases.Production);
        Assert.Equal(["rollback", $"approval {second.Approval.Id}", $"approval {request.Id}"], history.Select(h => h.Reason));
        Assert.All(history, h => Assert.Equal("max", h.MovedBy));
        var audit = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Limit: 200));
        Assert.Contains(audit, e => e.Action == "models.rollback" && e.Actor == "max" && e.Outcome == AuditOutcome.Allowed);
        Assert.Equal(2, audit.Count(e => e.Action == "models.alias.production" && e.Outcome == AuditOutcome.Allowed));
        Assert.True((await AuditLog.VerifyAsync(ws.Workspace.Metadata)).IsIntact);
    }

    [Fact]
    public async Task RollingBackWithoutAnEarlierVersionIsAConflict()
    {
        using var ws = await GovernanceWorkspace.CreateAsync(StoreKind.Local);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path);
        var registry = new ModelRegistry(ws.Workspace);
        await registry.RegisterAsync(report.Best.RunId, "students");
        await registry.SetAliasAsync("students", 1, ModelAliases.Production);

        var ex = await Assert.ThrowsAsync<RaciflowException>(() => new PromotionService(ws.Anonymous).RollbackAsync("students"));

        Assert.Equal(ErrorKind.Conflict, ex.Kind);
        Assert.Contains("no earlier version", ex.Message, StringComparison.Ordinal);
    }
}
