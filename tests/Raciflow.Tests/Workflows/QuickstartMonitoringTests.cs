using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Data;
using Raciflow.Governance;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Members;
using Raciflow.Monitoring.Alerts;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Server.Hosting;
using Raciflow.Tests.Support;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Workflows;

/// <summary>The quickstart's ending against a real server on loopback: usual traffic, shifted traffic, feedback, drift, alert, retraining.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class QuickstartMonitoringTests
{
    [Fact]
    public async Task ShiftedTrafficIsFlaggedAsDriftRaisesAnAlertAndRetrainsOnTheFeedbackForTheAccountableToApprove()
    {
        using var dir = new TempDirectory();
        var options = new QuickstartOptions { Directory = Path.Combine(dir.Path, "qs"), Trials = 1 };
        var quickstart = await new QuickstartRunner(options).RunAsync();
        var app = await ServerHost.BuildAsync(options.ToWorkspaceOptions(), new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await using (app)
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = Assert.Single(ServerHost.Urls(app)) };
            var workspace = app.Services.GetRequiredService<Workspace>();
            var logger = app.Services.GetRequiredService<PredictionLogger>();
            var steps = new List<QuickstartStep>();

            var result = await new QuickstartMonitoring(workspace, client, ct => logger.FlushAsync(ct)).RunAsync(quickstart.Model, quickstart.Tokens, steps.Add);

            // The usual students pass; the new district drifts in what changed and not in what did not (gender).
            Assert.Equal((QuickstartMonitoring.NormalStudents, false), (result.Before.CurrentRows, result.Before.DatasetDrift));
            Assert.Equal((QuickstartMonitoring.ShiftedStudents, true), (result.After.CurrentRows, result.After.DatasetDrift));
            var drifted = result.After.Features.Where(f => f.Drifted).Select(f => f.Column).ToList();
            Assert.Contains("lunch", drifted);
            Assert.Contains("test_preparation_course", drifted);
            Assert.DoesNotContain("gender", drifted);
            var history = new List<StoredDriftReport>();
            await foreach (var stored in new DriftReportStore(workspace).ListAsync($"{quickstart.Model}@1"))
            {
                history.Add(stored);
            }

            Assert.Equal(2, history.Count);

            // The drift alert, visible over the API to a member, and the retraining it started on data plus feedback.
            var alert = Assert.Single(result.Alerts, a => a.Rule == AlertRules.Drift);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/alerts?model={quickstart.Model}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", quickstart.Tokens["omar"]);
            using var listed = await client.SendAsync(request);
            Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync());
            using var alerts = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
            Assert.Contains(alerts.RootElement.EnumerateArray(), a => a.GetProperty("id").GetInt64() == alert.Id && a.GetProperty("status").GetString() == AlertStatus.Open);

            var retraining = Assert.Single(result.Retrainings);
            Assert.Equal(("students@2", QuickstartMonitoring.NormalStudents + QuickstartMonitoring.ShiftedStudents, $"{quickstart.Model}@2"), (retraining.Dataset, retraining.FeedbackRows, retraining.Challenger));
            Assert.Equal(1000 + 600, (await new DatasetService(workspace).ResolveAsync(DatasetRef.Parse("students@2"))).RowCount);
            var approval = await new GovernanceService(workspace, new Credentials(quickstart.Tokens["mila"])).Approvals.GetAsync(retraining.ApprovalId!.Value);
            Assert.Equal((ApprovalStatus.Pending, "packaging-deployment"), (approval.Status, approval.Task));
            Assert.Contains(steps, s => s.Title == "Report the true math scores" && s.Member == "omar");
        }
    }
}
