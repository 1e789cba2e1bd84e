using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Raciflow.Server.Hosting;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Monitoring;
using Raciflow.Tests.Monitoring.Alerts;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Server;

/// <summary>Alerts and retraining over HTTP on a real Kestrel, with the RACI matrix enforced.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class AlertsApiTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AlertsAreEvaluatedListedAcknowledgedAndResolvedAndRetrainingIsGovernedOverTheApi(StoreKind kind)
    {
        var yaml = GovernanceYaml.Fixed + "\nmonitoring:\n  alerts:\n    no_traffic: 10m\n";
        using var ws = await GovernanceWorkspace.CreateAsync(kind, yaml, new FixedClock(AlertServiceTests.Now));
        var tokens = await ws.EnrolAsync(("owner", "business-stakeholder"), ("dana", "data-scientist"), ("max", "ml-engineer"), ("omar", "devops-engineer"));
        await MonitoredStudents.ServeAsync(ws);
        var app = ServerHost.Build(ws.Workspace, new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        try
        {
            using var dana = Client(app, tokens["dana"]);
            using var omar = Client(app, tokens["omar"]);
            using var max = Client(app, tokens["max"]);
            using var nobody = Client(app, null);

            Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.PostAsync("/api/v1/models/students/alerts/evaluate", null)).StatusCode);
            var evaluated = await Json(await dana.PostAsync("/api/v1/models/students/alerts/evaluate", null));
            var opened = Assert.Single(evaluated.GetProperty("alerts").GetProperty("opened").EnumerateArray());
            Assert.Equal("no-traffic", opened.GetProperty("rule").GetString());
            var id = opened.GetProperty("id").GetInt64();

            var open = await Json(await dana.GetAsync("/api/v1/alerts?status=open"));
            Assert.Equal([id], open.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));

            Assert.Equal(HttpStatusCode.Forbidden, (await dana.PostAsJsonAsync($"/api/v1/alerts/{id}/ack", new { note = "mine" })).StatusCode);
            var acked = await Json(await omar.PostAsJsonAsync($"/api/v1/alerts/{id}/ack", new { note = "on it" }));
            Assert.Equal(("acknowledged", "omar"), (acked.GetProperty("status").GetString(), acked.GetProperty("acknowledgedBy").GetString()));
            var resolved = await Json(await max.PostAsync($"/api/v1/alerts/{id}/resolve", null));
            Assert.Equal(("resolved", "max"), (resolved.GetProperty("status").GetString(), resolved.GetProperty("resolvedBy").GetString()));
            Assert.Equal(HttpStatusCode.Conflict, (await max.PostAsync($"/api/v1/alerts/{id}/resolve", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/v1/alerts/{id + 50}")).StatusCode);

            Assert.Equal(HttpStatusCode.Forbidden, (await omar.PostAsJsonAsync("/api/v1/models/students/retrain", new { reason = "weekly" })).StatusCode);
            var retrained = await Json(await dana.PostAsJsonAsync("/api/v1/models/students/retrain", new { reason = "weekly" }));
            Assert.Equal(("students@2", "by hand: weekly"), (retrained.GetProperty("challenger").GetString(), retrained.GetProperty("trigger").GetString()));
            Assert.True(retrained.GetProperty("approvalId").GetInt64() > 0);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheServersScheduleEvaluatesTheRulesOfEveryProductionModel()
    {
        var yaml = GovernanceYaml.Fixed + "\nmonitoring:\n  evaluate_every: 1s\n  alerts:\n    no_traffic: 10m\n";
        using var ws = await GovernanceWorkspace.CreateAsync(StoreKind.Local, yaml);
        await MonitoredStudents.ServeAsync(ws);
        var alerts = new Raciflow.Monitoring.Alerts.AlertService(ws.Anonymous);
        Assert.Empty(await alerts.ListAsync("students"));
        var app = ServerHost.Build(ws.Workspace, new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        try
        {
            IReadOnlyList<Raciflow.Monitoring.Alerts.Alert> raised = [];
            for (var i = 0; i < 600 && raised.Count == 0; i++)
            {
                await Task.Delay(50);
                raised = await alerts.ListAsync("students");
            }

            var alert = Assert.Single(raised);
            Assert.Equal(("no-traffic", Raciflow.Monitoring.Alerts.AlertStatus.Open, 1), (alert.Rule, alert.Status, alert.Version));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static HttpClient Client(WebApplication app, string? token)
    {
        var http = new HttpClient { BaseAddress = Assert.Single(ServerHost.Urls(app)) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
