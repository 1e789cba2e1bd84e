using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;

namespace Raciflow.Tests.Server;

/// <summary>The web pages' sign-in, CSRF protection and governance over plain HTTP against the real server.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class GovernanceWebSecurityTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TokensNeverAppearInTheServerLogOrInPages(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("rita", "DS"));
        await ws.As(t["owner"]).Members.RevokeAsync("rita");
        var log = new CapturedLog();
        await using var server = await WebServer.StartAsync(ws.Workspace, b => b.AddProvider(log), LogLevel.Trace);
        var unknown = Raciflow.Governance.Members.ApiToken.Generate();
        var pages = new List<string>();

        foreach (var token in new[] { t["dana"], t["rita"], unknown })
        {
            using var api = server.Client();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await api.GetAsync("/api/v1/approvals");
            await api.PostAsync("/api/v1/experiments", new StringContent("""{"name":"churn"}""", System.Text.Encoding.UTF8, "application/json"));
        }

        using var web = server.Client();
        var failed = await WebForms.SignInAsync(web, unknown);
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        pages.Add(await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await WebForms.SignInAsync(web, t["dana"])).StatusCode);
        foreach (var path in new[] { "/raci", "/my-tasks", "/approvals", "/inbox", "/audit" })
        {
            var response = await web.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.NotEmpty(log.Lines);
        Assert.Contains(log.Lines, l => l.Contains("/login", StringComparison.Ordinal)); // the capture saw the sign-in requests
        foreach (var token in new[] { t["dana"], t["rita"], t["owner"], unknown })
        {
            Assert.DoesNotContain(log.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(token[3..], StringComparison.Ordinal));
            Assert.DoesNotContain(pages, p => p.Contains(token, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task SigningInWithARevokedOrRotatedOutTokenFailsAndARevokedMembersSessionEnds(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("rita", "DS"));
        await ws.As(t["owner"]).Members.RotateAsync("dana");
        await using var server = await WebServer.StartAsync(ws.Workspace);

        using var rita = server.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebForms.SignInAsync(rita, t["rita"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rita.GetAsync("/raci")).StatusCode);
        await ws.As(t["owner"]).Members.RevokeAsync("rita");
        var after = await rita.GetAsync("/raci");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);

        foreach (var token in new[] { t["rita"], t["dana"], "rf_short" })
        {
            using var web = server.Client();
            var response = await WebForms.SignInAsync(web, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("raciflow_session=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await web.GetAsync("/approvals")).StatusCode);
        }
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AHandMadeApproveByAMemberWhoIsNotTheAccountableIsRefusedAndFormsNeedTheAntiforgeryToken(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.FixedWith("gates:\n  - action: package\n    separation_of_duties: true"));
        var t = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"), ("devin", "DevOps"));
        var request = await ws.As(t["devin"]).RequestApprovalAsync(GovernedActions.Package, "churn v3", """{"model":"churn","version":3}""", null);
        await using var server = await WebServer.StartAsync(ws.Workspace);

        using var dana = server.Client();
        await WebForms.SignInAsync(dana, t["dana"]);
        var page = await dana.GetStringAsync($"/approvals/{request.Id}");
        Assert.DoesNotContain("id=\"approve\"", page, StringComparison.Ordinal);
        var refused = await WebForms.PostAsync(dana, $"/approvals/{request.Id}/approve", page, ("comment", "by hand"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("packaging-deployment", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // max is the Accountable, but a form without the antiforgery token (a cross-site post) is rejected before it acts.
        using var max = server.Client();
        await WebForms.SignInAsync(max, t["max"]);
        using var noToken = new FormUrlEncodedContent([KeyValuePair.Create("comment", "csrf")]);
        Assert.Equal(HttpStatusCode.BadRequest, (await max.PostAsync($"/approvals/{request.Id}/approve", noToken)).StatusCode);
        Assert.Equal(ApprovalStatus.Pending, (await ws.Anonymous.Approvals.GetAsync(request.Id)).Status);

        var maxPage = await max.GetStringAsync($"/approvals/{request.Id}");
        Assert.Contains("id=\"approve\"", maxPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await WebForms.PostAsync(max, $"/approvals/{request.Id}/approve", maxPage)).StatusCode);
        Assert.Equal(ApprovalStatus.Approved, (await ws.Anonymous.Approvals.GetAsync(request.Id)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await WebForms.PostAsync(max, $"/approvals/{request.Id}/reject", maxPage)).StatusCode);

        var audit = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Action: GovernedActions.ApprovalsApprove));
        Assert.Single(audit, e => e.Actor == "dana" && e.Outcome == AuditOutcome.Denied);
        Assert.Single(audit, e => e.Actor == "max" && e.Outcome == AuditOutcome.Allowed);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task InSingleUserModeThePagesWorkWithoutSigningInAndEncodeWhatUsersWrote(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.FixedWith("gates:\n  - action: package\n    separation_of_duties: true"));
        var request = await ws.Anonymous.RequestApprovalAsync(GovernedActions.Package, "<script>alert(1)</script>", """{"model":"m"}""", null);
        await using var server = await WebServer.StartAsync(ws.Workspace);
        using var web = server.Client();

        foreach (var path in new[] { "/raci", "/my-tasks", "/approvals", "/inbox", "/audit" })
        {
            var response = await web.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("single-user mode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        var list = await web.GetStringAsync("/approvals");
        Assert.DoesNotContain("<script>", list, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", list, StringComparison.Ordinal);
        var detail = await web.GetStringAsync($"/approvals/{request.Id}");
        Assert.Contains("id=\"approve\"", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await WebForms.PostAsync(web, $"/approvals/{request.Id}/approve", detail)).StatusCode);
        Assert.Equal(ApprovalStatus.Approved, (await ws.Anonymous.Approvals.GetAsync(request.Id)).Status);
    }
}
