using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

[Trait("Category", TestServices.Integration)]
public sealed class AuthorizationTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AWorkspaceWithoutMembersAllowsEverythingAndAuditsItAsTheLocalUser(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var grant = await ws.Anonymous.AuthorizeAsync(GovernedActions.Train, "churn");
        Assert.True(grant.SingleUserMode);
        Assert.Equal("local-user", grant.Actor);
        await ws.Anonymous.AuditAsync(grant, null, "run 1");
        var audit = Assert.Single(await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery()));
        Assert.Equal(("local-user", "single-user", "experiment", "train", "churn", AuditOutcome.Allowed), (audit.Actor, audit.Role, audit.Task, audit.Action, audit.Target, audit.Outcome));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheFirstMemberBecomesAdminAndSwitchesEnforcementOn(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var first = await ws.Anonymous.Members.AddAsync("owner", ["business-stakeholder"]);
        Assert.True(first.EnforcementSwitchedOn);
        Assert.True(first.Member.IsAdmin);

        var ex = await Assert.ThrowsAsync<RaciflowException>(() => ws.Anonymous.AuthorizeAsync(GovernedActions.Train, "churn"));
        Assert.Equal(ErrorKind.Unauthorized, ex.Kind);
        Assert.Equal(401, ex.Kind.HttpStatus());
        Assert.Contains("RACIFLOW_TOKEN", ex.Message, StringComparison.Ordinal);

        var second = await ws.As(first.Token).Members.AddAsync("dana", ["DS"]);
        Assert.False(second.EnforcementSwitchedOn);
        Assert.False(second.Member.IsAdmin);
        Assert.Equal(["data-scientist"], second.Member.Roles);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TwoConcurrentFirstMembersMakeOnlyOneAdmin(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        async Task<object> Add(string name)
        {
            try
            {
                return await ws.Anonymous.Members.AddAsync(name, ["BS"]);
            }
            catch (RaciflowException ex)
            {
                return ex.Kind;
            }
        }

        // Either both were authorised in single-user mode, or the second arrived after enforcement began (401).
        var outcomes = await Task.WhenAll(Add("ann"), Add("bea"));
        var issued = outcomes.OfType<IssuedToken>().ToList();
        Assert.All(outcomes.OfType<ErrorKind>(), k => Assert.Equal(ErrorKind.Unauthorized, k));
        Assert.Single(issued, i => i.Member.IsAdmin);
        Assert.Single(issued, i => i.EnforcementSwitchedOn);
        Assert.Equal(issued.Count, (await ws.Anonymous.Members.ListAsync()).Count);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AMemberMayActForTasksWhereOneOfTheirRolesIsROrA(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE,DevOps"));
        var train = await ws.As(tokens["dana"]).AuthorizeAsync(GovernedActions.Train, "churn");
        Assert.Equal(("dana", "data-scientist", "experiment"), (train.Actor, train.Role, train.Task));
        var serve = await ws.As(tokens["max"]).AuthorizeAsync(GovernedActions.Serve, "churn");
        Assert.Equal("ml-engineer", serve.Role);
        var tune = await ws.As(tokens["max"]).AuthorizeAsync(GovernedActions.Tune, "churn");
        Assert.Equal("ml-engineer", tune.Role);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AForbiddenActionNamesTheTaskTheRolesAndWhoHoldsThemAndIsAudited(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"), ("sam", "SME,DE"));
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(tokens["sam"]).AuthorizeAsync(GovernedActions.ModelsAlias, "churn staging"));
        Assert.Equal(ErrorKind.Forbidden, ex.Kind);
        Assert.Equal(7, ex.Kind.ExitCode());
        Assert.Equal(403, ex.Kind.HttpStatus());
        Assert.Equal(
            "sam (subject-matter-expert, data-engineer) may not do 'models.alias': it belongs to task packaging-deployment, which needs a role that is R or A. "
            + "Roles that may: ml-engineer (RA): max; devops-engineer (R): no member holds it.",
            ex.Message);

        var denial = (await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Actor: "sam"))).Single();
        Assert.Equal((AuditOutcome.Denied, "packaging-deployment", "models.alias"), (denial.Outcome, denial.Task, denial.Action));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnAdminManagesMembersButGainsNoRoleForAnyTask(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var admin = (await ws.Anonymous.Members.AddAsync("root", ["SWE"])).Token;
        var grant = await ws.As(admin).AuthorizeAsync(GovernedActions.MembersAdd, "x");
        Assert.Equal(AuthorizationGrant.AdminRole, grant.Role);
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(admin).AuthorizeAsync(GovernedActions.Train, "churn"));
        Assert.Equal(ErrorKind.Forbidden, ex.Kind);
        var ex2 = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(admin).AuthorizeAsync(GovernedActions.RaciChange, "raci"));
        Assert.Equal(ErrorKind.Forbidden, ex2.Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task MissingMalformedRevokedAndRotatedOutTokensAreUnauthorized(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"));
        var admin = ws.As(tokens["owner"]);

        var rotated = await admin.Members.RotateAsync("dana");
        Assert.NotEqual(tokens["dana"], rotated.Token);
        await AssertUnauthorizedAsync(ws.As(tokens["dana"]), "not valid");
        Assert.Equal("dana", (await ws.As(rotated.Token).AuthorizeAsync(GovernedActions.Train, "x")).Actor);

        await admin.Members.RevokeAsync("max");
        await AssertUnauthorizedAsync(ws.As(tokens["max"]), "not valid");
        await AssertUnauthorizedAsync(ws.As("rf_garbage"), "malformed");
        await AssertUnauthorizedAsync(ws.As(ApiToken.Generate()), "not valid");
        await AssertUnauthorizedAsync(ws.Anonymous, "No credentials");

        var denials = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Actor: "(unauthenticated)"));
        Assert.Equal(5, denials.Count);
        Assert.All(denials, d => Assert.Equal(AuditOutcome.Unauthorized, d.Outcome));
        var revoke = await Assert.ThrowsAsync<RaciflowException>(() => admin.Members.RevokeAsync("max"));
        Assert.Equal(ErrorKind.Conflict, revoke.Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task OnlyTheTokenHashIsStoredAndTheTokenAppearsInNoTableOrMessage(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"));
        var rotated = await ws.As(tokens["owner"]).Members.RotateAsync("dana");
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(tokens["dana"]).AuthorizeAsync(GovernedActions.Train, "x"));
        await Assert.ThrowsAsync<RaciflowException>(() => ws.As(rotated.Token).AuthorizeAsync(GovernedActions.ModelsAlias, "x"));

        await using var db = ws.Workspace.Metadata.CreateContext();
        var stored = await db.Set<Member>().AsNoTracking().SingleAsync(m => m.Name == "dana");
        Assert.Equal(ApiToken.Hash(rotated.Token), stored.TokenHash);
        var everything = string.Join("\n", (await db.Set<Member>().AsNoTracking().ToListAsync()).Select(m => $"{m.Name} {m.Roles} {m.TokenHash} {m.CreatedBy}"))
            + string.Join("\n", (await db.Set<AuditEvent>().AsNoTracking().ToListAsync()).Select(e => $"{e.Actor} {e.Role} {e.Target} {e.Before} {e.After} {e.RequestId}"))
            + ex.Message;
        foreach (var token in tokens.Values.Append(rotated.Token))
        {
            Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(token[3..20], everything, StringComparison.Ordinal);
        }

        if (kind == StoreKind.Local)
        {
            // The whole SQLite file (and its write-ahead log) holds no token bytes either.
            var dbFiles = Directory.GetFiles(Path.Combine(ws.Folder.Path, ".raciflow"), "raciflow.db*");
            var bytes = string.Concat(dbFiles.Select(f => System.Text.Encoding.Latin1.GetString(ReadShared(f))));
            Assert.All(tokens.Values.Append(rotated.Token), t => Assert.DoesNotContain(t, bytes, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task UnsafeNamesAreRejectedAndQuotingCannotBreakQueries(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => ws.Anonymous.Members.AddAsync("x'; DROP TABLE members;--", ["DS"]));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        await Assert.ThrowsAsync<RaciflowException>(() => ws.Anonymous.Members.AddAsync("../../evil", ["DS"]));
        Assert.Empty(await ws.Anonymous.Members.ListAsync());

        // Even a name that bypassed validation is only ever a parameter: stored and found verbatim, nothing dropped.
        const string hostile = "o'brien\"; DROP TABLE members;--";
        await using (var db = ws.Workspace.Metadata.CreateContext())
        {
            db.Add(new Member { Name = hostile, Roles = "data-scientist", TokenHash = ApiToken.Hash(ApiToken.Generate()), CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        await using (var db = ws.Workspace.Metadata.CreateContext())
        {
            Assert.Equal(hostile, (await db.Set<Member>().SingleAsync(m => m.Name == hostile)).Name);
        }

        var events = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Actor: hostile));
        Assert.Empty(events);
        Assert.Single(await ws.Anonymous.Members.ListAsync());
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task MembersNeedKnownRolesAndUniqueNames(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var role = await Assert.ThrowsAsync<RaciflowException>(() => ws.Anonymous.Members.AddAsync("ann", ["wizard"]));
        Assert.Equal(ErrorKind.Invalid, role.Kind);
        Assert.Contains("--role: unknown role 'wizard'", role.Message, StringComparison.Ordinal);
        var admin = (await ws.Anonymous.Members.AddAsync("ann", ["BS"])).Token;
        var dup = await Assert.ThrowsAsync<RaciflowException>(() => ws.As(admin).Members.AddAsync("ann", ["DS"]));
        Assert.Equal(ErrorKind.Conflict, dup.Kind);
    }

    private static async Task AssertUnauthorizedAsync(Raciflow.Governance.GovernanceService governance, string expected)
    {
        var ex = await Assert.ThrowsAsync<RaciflowException>(() => governance.AuthorizeAsync(GovernedActions.Train, "churn"));
        Assert.Equal(ErrorKind.Unauthorized, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
