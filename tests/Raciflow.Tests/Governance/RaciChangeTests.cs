using Raciflow.Governance.Approvals;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Raciflow.Governance.Raci;
using Raciflow.Projects;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

/// <summary>Changing the matrix or members' roles is governed by problem-definition: its A applies, its R asks the A.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class RaciChangeTests
{
    private const string EdaRow = "eda:                    { subject-matter-expert: R, data-scientist: RA, ml-engineer: C }";

    /// <summary>The fixed matrix, with the data scientist also Responsible for problem-definition (so they may ask for changes).</summary>
    private static string Yaml => GovernanceYaml.Fixed.Replace(
        "problem-definition:     { business-stakeholder: RA, data-engineer: C, data-scientist: C, ml-engineer: C }",
        "problem-definition:     { business-stakeholder: RA, data-engineer: C, data-scientist: R, ml-engineer: C }",
        StringComparison.Ordinal);

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheAccountableChangesACellAtOnceAndTheFileKeepsItsComments(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, Yaml);
        var t = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"));
        var before = File.ReadAllText(ws.Workspace.ProjectFile);

        var outcome = await ws.As(t["owner"]).RaciChanges.SetAssignmentAsync("eda", "MLE", "r");

        Assert.True(outcome.Applied);
        Assert.Null(outcome.Approval);
        // Only that value changed: every other byte of the file, comments and alignment included, is as it was.
        Assert.Equal(before.Replace(EdaRow, EdaRow.Replace("ml-engineer: C", "ml-engineer: R", StringComparison.Ordinal), StringComparison.Ordinal), File.ReadAllText(ws.Workspace.ProjectFile));
        Assert.Equal(RaciAssignment.Responsible, RaciMatrix.Parse(ws.Workspace.Project!.Raci).Get("eda", Roles.MlEngineer)); // the open workspace sees it
        Assert.Equal(RaciAssignment.Responsible, RaciMatrix.Parse((await ws.ReopenAsync()).Project!.Raci).Get("eda", Roles.MlEngineer));

        var audit = Assert.Single(await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Action: GovernedActions.RaciChange)));
        Assert.Equal(("owner", Roles.BusinessStakeholder, LifecycleTasks.ProblemDefinition, "raci eda ml-engineer", "C", "R"), (audit.Actor, audit.Role, audit.Task, audit.Target, audit.Before, audit.After));
        Assert.Empty(Directory.GetFiles(ws.Folder.Path, "*.tmp"));

        // max now does eda work: the matrix is enforced as changed.
        Assert.Equal(Roles.MlEngineer, (await ws.As(t["max"]).AuthorizeAsync(GovernedActions.DataProfile, "penguins")).Role);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AResponsibleAsksAndTheChangeIsAppliedOnlyWhenTheAccountableApproves(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, Yaml);
        var t = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"), ("sam", "SME"));
        var before = File.ReadAllText(ws.Workspace.ProjectFile);

        var asked = await ws.As(t["dana"]).RaciChanges.SetAssignmentAsync("experiment", "subject-matter-expert", "I");
        var roles = await ws.As(t["dana"]).RaciChanges.SetMemberRolesAsync("sam", ["SME,DE"]);

        Assert.False(asked.Applied);
        Assert.Equal((GovernedActions.RaciChange, LifecycleTasks.ProblemDefinition, ApprovalStatus.Pending), (asked.Approval!.Action, asked.Approval.Task, asked.Approval.Status));
        Assert.Equal(before, File.ReadAllText(ws.Workspace.ProjectFile));
        var denied = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["dana"]).Approvals.ApproveAsync(asked.Approval.Id, null));
        Assert.Equal(ErrorKind.Forbidden, denied.Kind);

        var decision = await ws.As(t["owner"]).Approvals.ApproveAsync(asked.Approval.Id, "fine");
        Assert.True(decision.Performed);
        Assert.Contains("raci experiment subject-matter-expert: C → I", decision.Result, StringComparison.Ordinal);
        Assert.Equal(RaciAssignment.Informed, RaciMatrix.Parse(ProjectConfigLoader.Load(ws.Workspace.ProjectFile).Raci).Get("experiment", Roles.SubjectMatterExpert));

        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["sam"]).AuthorizeAsync(GovernedActions.FeaturesSpec, "features"))).Kind);
        await ws.As(t["owner"]).Approvals.ApproveAsync(roles.Approval!.Id, null);
        Assert.Equal([Roles.SubjectMatterExpert, Roles.DataEngineer], (await ws.Anonymous.Members.ListAsync()).Single(m => m.Name == "sam").Roles);
        Assert.Equal(Roles.DataEngineer, (await ws.As(t["sam"]).AuthorizeAsync(GovernedActions.FeaturesSpec, "features")).Role);

        var changes = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Action: GovernedActions.RaciChange));
        Assert.Equal(2, changes.Count);
        Assert.All(changes, e => Assert.Equal(("owner", AuditOutcome.Allowed), (e.Actor, e.Outcome)));
        Assert.Contains(changes, e => e.Target == $"member sam roles (approval {roles.Approval.Id})" && e.Before == "subject-matter-expert" && e.After == "subject-matter-expert, data-engineer");
        Assert.True((await AuditLog.VerifyAsync(ws.Workspace.Metadata)).IsIntact);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnyoneElseIsRefusedAndBadChangesAreRejectedLeavingTheFileAlone(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, Yaml);
        var t = await ws.EnrolAsync(("owner", "BS"), ("max", "MLE"));
        var before = File.ReadAllText(ws.Workspace.ProjectFile);

        var refused = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["max"]).RaciChanges.SetAssignmentAsync("eda", "MLE", "RA"));
        Assert.Equal(ErrorKind.Forbidden, refused.Kind);
        Assert.Contains("problem-definition", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<RaciflowException>(() => ws.As(t["max"]).RaciChanges.SetMemberRolesAsync("max", ["BS"]))).Kind);
        Assert.Equal(ErrorKind.Unauthorized, (await Assert.ThrowsAsync<RaciflowException>(() => ws.Anonymous.RaciChanges.SetAssignmentAsync("eda", "MLE", "R"))).Kind);

        var owner = ws.As(t["owner"]).RaciChanges;
        Assert.Equal("TASK", (await Assert.ThrowsAsync<RaciflowException>(() => owner.SetAssignmentAsync("deploy/../x", "MLE", "R"))).Location);
        Assert.Equal("ROLE", (await Assert.ThrowsAsync<RaciflowException>(() => owner.SetAssignmentAsync("eda", "wizard", "R"))).Location);
        Assert.Equal("LETTERS", (await Assert.ThrowsAsync<RaciflowException>(() => owner.SetAssignmentAsync("eda", "MLE", "X; DROP TABLE members"))).Location);
        var twoAccountable = await Assert.ThrowsAsync<RaciflowException>(() => owner.SetAssignmentAsync("eda", "MLE", "A"));
        Assert.Equal(ErrorKind.Unprocessable, twoAccountable.Kind);
        Assert.Contains("data-scientist", twoAccountable.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<RaciflowException>(() => owner.SetMemberRolesAsync("nobody", ["DS"]))).Kind);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<RaciflowException>(() => owner.SetMemberRolesAsync("a/b", ["DS"]))).Kind);

        Assert.Equal(before, File.ReadAllText(ws.Workspace.ProjectFile));
        Assert.Single(await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Action: GovernedActions.RaciChange)), e => e.Outcome == AuditOutcome.Denied && e.Actor == "max" && e.Target == "raci eda ml-engineer");
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task InSingleUserModeTheChangeIsAppliedAndCanRemoveACell(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, Yaml);

        var outcome = await ws.Anonymous.RaciChanges.SetAssignmentAsync("retraining", "SWE", "-");

        Assert.True(outcome.Applied);
        Assert.Equal(RaciAssignment.None, RaciMatrix.Parse(ws.Workspace.Project!.Raci).Get("retraining", Roles.SoftwareEngineer));
        var audit = Assert.Single(await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Action: GovernedActions.RaciChange)));
        Assert.Equal(("local-user", AuthorizationGrant.SingleUserRole, "I", "(none)"), (audit.Actor, audit.Role, audit.Before, audit.After));
    }
}
