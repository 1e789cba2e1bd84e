using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Server.Hosting;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

[Trait("Category", TestServices.Integration)]
public sealed class GovernanceApiTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task WithoutMembersTheApiAllowsWritesWithoutATokenAndAuditsThemAsTheWorkspaceActor(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        await using var app = await StartAsync(ws);
        using var http = Client(app, token: null);

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/v1/experiments", new { name = "churn" })).StatusCode);
        var audit = Assert.Single(await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery()));
        Assert.Equal(("local-user", AuthorizationGrant.SingleUserRole, "experiment", GovernedActions.RunsLog, AuditOutcome.Allowed), (audit.Actor, audit.Role, audit.Task, audit.Action, audit.Outcome));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task OnceThereAreMembersMissingMalformedRevokedAndRotatedTokensGet401(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("rita", "DS"));
        await ws.As(tokens["owner"]).Members.RevokeAsync("rita");
        await ws.As(tokens["owner"]).Members.RotateAsync("dana");
        await using var app = await StartAsync(ws);

        foreach (var (token, says) in new[] { ((string?)null, "No credentials"), ("not-a-token", "malformed"), (tokens["rita"], "not valid"), (tokens["dana"], "not valid") })
        {
            using var http = Client(app, token);
            foreach (var response in new[] { await http.PostAsJsonAsync("/api/v1/experiments", new { name = "churn" }), await http.GetAsync("/api/v1/experiments") })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains(says, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.DoesNotContain(token ?? "rf_", body, StringComparison.Ordinal);
            }
        }

        // Writes refused for want of a valid token are audited; health needs no token.
        var audited = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery());
        Assert.Equal(4, audited.Count(e => e.Outcome == AuditOutcome.Unauthorized && e.Action == GovernedActions.RunsLog));
        using var anonymous = Client(app, token: null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task OnlyAnROrAOfTheExperimentTaskMayWriteButAnyMemberMayRead(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var tokens = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("sam", "SME"));
        await using var app = await StartAsync(ws);
        using var dana = Client(app, tokens["dana"]);
        using var sam = Client(app, tokens["sam"]);

        var created = await dana.PostAsJsonAsync("/api/v1/runs", new { experiment = "churn", name = "r1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var run = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run");
        Assert.Equal("dana", run.GetProperty("startedBy").GetString());
        var id = run.GetProperty("id").GetString();

        var refused = await sam.PostAsJsonAsync($"/api/v1/runs/{id}/metrics", new { key = "loss", value = 0.5 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("'runs.log': it belongs to task experiment", detail, StringComparison.Ordinal);
        Assert.Contains("data-scientist (RA): dana", detail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/api/v1/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsJsonAsync("/api/v1/runs/search", new { experiments = new[] { "churn" } })).StatusCode);

        var audit = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Action: GovernedActions.RunsLog));
        Assert.Single(audit, e => e.Actor == "dana" && e.Role == "data-scientist" && e.Outcome == AuditOutcome.Allowed);
        Assert.Single(audit, e => e.Actor == "sam" && e.Outcome == AuditOutcome.Denied);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ApprovalsAreListedCommentedAndDecidedOverHttpOnlyByTheTasksAccountableAndOnce(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"), ("olga", "DevOps"));
        var request = await ws.As(t["olga"]).RequestApprovalAsync(GovernedActions.ModelsAliasProduction, "churn v3", """{"model":"churn","version":3}""", null);
        await using var app = await StartAsync(ws);
        using var dana = Client(app, t["dana"]);
        using var olga = Client(app, t["olga"]);
        using var max = Client(app, t["max"]);

        var listed = await (await dana.GetAsync("/api/v1/approvals")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(request.Id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await dana.PostAsJsonAsync($"/api/v1/approvals/{request.Id}/comments", new { text = "metrics look right" })).StatusCode);
        var shown = await (await dana.GetAsync($"/api/v1/approvals/{request.Id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("metrics look right", Assert.Single(shown.GetProperty("comments").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await dana.GetAsync("/api/v1/approvals/999")).StatusCode);

        var notA = await olga.PostAsJsonAsync($"/api/v1/approvals/{request.Id}/approve", new { comment = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, notA.StatusCode);
        Assert.Contains("A (the Accountable)", (await notA.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var rejected = await max.PostAsJsonAsync($"/api/v1/approvals/{request.Id}/reject", new { comment = "not yet" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("max", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("decidedBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await max.PostAsJsonAsync($"/api/v1/approvals/{request.Id}/approve", new { })).StatusCode);
        using var anonymous = Client(app, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/approvals")).StatusCode);

        var audit = await AuditLog.ListAsync(ws.Workspace.Metadata, new AuditQuery(Task: "packaging-deployment"));
        Assert.Single(audit, e => e.Action == GovernedActions.ApprovalsApprove && e.Actor == "olga" && e.Outcome == AuditOutcome.Denied);
        Assert.Single(audit, e => e.Action == GovernedActions.ApprovalsReject && e.Actor == "max" && e.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task EveryStateChangingApiEndpointNamesItsGovernedActionOrWhyItHasNone()
    {
        using var ws = await GovernanceWorkspace.CreateAsync(StoreKind.Local);
        await using var app = await StartAsync(ws);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(RaciflowServerPipeline.ApiPrefix, StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        var writes = endpoints.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true).ToList();
        Assert.NotEmpty(writes);
        var missing = writes.Where(e => e.Metadata.GetMetadata<GovernedActionAttribute>() is null && e.Metadata.GetMetadata<NotGovernedAttribute>() is null).Select(e => e.DisplayName).ToList();
        Assert.Empty(missing);
        Assert.All(writes.Select(e => e.Metadata.GetMetadata<GovernedActionAttribute>()).OfType<GovernedActionAttribute>(), a => Assert.True(GovernedActions.IsKnown(a.Action), a.Action));
    }

    private static async Task<WebApplication> StartAsync(GovernanceWorkspace ws)
    {
        var app = ServerHost.Build(ws.Workspace, new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app, string? token)
    {
        var http = new HttpClient { BaseAddress = Assert.Single(ServerHost.Urls(app)) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = token.StartsWith("rf_", StringComparison.Ordinal)
                ? new AuthenticationHeaderValue("Bearer", token)
                : new AuthenticationHeaderValue("Basic", token);
        }

        return http;
    }
}
