using Raciflow.Workflows;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Raciflow.Cli.Examples;
using Raciflow.Governance;
using Raciflow.Governance.Members;
using Raciflow.Monitoring.Alerts;
using Raciflow.Monitoring.Drift;
using Raciflow.Monitoring.ModelDrift;
using Raciflow.Workflows.Retraining;
using Raciflow.Registry;
using Raciflow.Workspaces;

namespace Raciflow.Cli.Quickstart;

/// <summary>
/// The quickstart's last act, against the running server: the software engineer's app sends students from the usual
/// population, then from a poorer district; the DevOps engineer posts their true math scores back; the monitor
/// finds the drift, raises the alert, and the retraining policy trains a challenger on the reference data plus that
/// feedback and asks the Accountable to approve it. Everything goes through the REST API or the same services the
/// server's schedule runs, so the dashboard shows what a real incident looks like.
/// </summary>
public sealed class QuickstartMonitoring(Workspace workspace, HttpClient server, Func<CancellationToken, Task> flushPredictionLog)
{
    public const int NormalStudents = 200;

    public const int ShiftedStudents = 400;

    private const int Concurrency = 8;

    public async Task<QuickstartMonitoringResult> RunAsync(string model, IReadOnlyDictionary<string, string> tokens, Action<QuickstartStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        void Done(QuickstartStep step) => onStep?.Invoke(step);
        var project = workspace.RequireProject();
        var app = QuickstartRunner.Holder(project, "software-engineer");
        var operations = QuickstartRunner.Holder(project, "devops-engineer");

        var normalStart = workspace.Clock.GetUtcNow();
        var normal = StudentPerformanceGenerator.Generate(NormalStudents, 1001, StudentCohort.Typical).ToList();
        var normalIds = await PredictAsync(model, tokens[app], normal, cancellationToken);
        Done(new QuickstartStep("Serve the usual students", app, "software-engineer", $"{normal.Count} predictions over the REST API"));
        await flushPredictionLog(cancellationToken);
        var before = await SnapshotDriftAsync(model, normalStart, cancellationToken);
        Done(new QuickstartStep("Check for drift", null, null, Verdict(before)));

        var shiftedStart = workspace.Clock.GetUtcNow();
        var shifted = StudentPerformanceGenerator.Generate(ShiftedStudents, 2002, StudentCohort.NewDistrict).ToList();
        var shiftedIds = await PredictAsync(model, tokens[app], shifted, cancellationToken);
        Done(new QuickstartStep("Serve students from a new district", app, "software-engineer", $"{shifted.Count} predictions: more free/reduced lunch, less test preparation, groups A and B"));

        // Feedback names logged predictions, so the log is written first (the server writes it in batches).
        await flushPredictionLog(cancellationToken);
        var outcomes = normalIds.Zip(normal).Concat(shiftedIds.Zip(shifted))
            .Select(p => new { key = p.First, actual = p.Second.MathScore.ToString(CultureInfo.InvariantCulture) }).ToList();
        await SendAsync(HttpMethod.Post, $"api/v1/models/{Uri.EscapeDataString(model)}/feedback", tokens[operations], new { outcomes }, cancellationToken);
        Done(new QuickstartStep("Report the true math scores", operations, "devops-engineer", $"{outcomes.Count} outcomes joined to their predictions by request id"));

        var after = await SnapshotDriftAsync(model, shiftedStart, cancellationToken);
        Done(new QuickstartStep("Check for drift", null, null, Verdict(after)));

        // What the server's schedule runs every monitoring.evaluate_every, run now so the story ends before the prompt.
        var monitor = GovernanceHandlers.Register(new GovernanceService(workspace, Credentials.None));
        var cycle = await new MonitoringCycle(monitor).RunAsync(model, cancellationToken);
        var alerts = cycle.Alerts.Firing.ToList();
        Done(new QuickstartStep(
            "Evaluate the alert rules",
            AlertService.Monitor,
            null,
            alerts.Count == 0 ? "no rule fired" : string.Join("; ", alerts.Select(a => $"alert {a.Id} ({a.Rule}): {a.Message}"))));
        foreach (var retraining in cycle.Retrainings)
        {
            Done(new QuickstartStep(
                "Retrain on the drift alert",
                RetrainingService.PolicyActor,
                null,
                $"{retraining.Challenger} trained on {retraining.Dataset} ({retraining.FeedbackRows} feedback rows added); "
                + $"{retraining.PrimaryMetric} {retraining.ChallengerScores[retraining.PrimaryMetric]:0.0000} vs {retraining.ChampionScores[retraining.PrimaryMetric]:0.0000} for {retraining.Champion}; "
                + (retraining.ApprovalId is { } id ? $"approval {id} waits for the Accountable of packaging-deployment" : "auto-promoted")));
        }

        return new QuickstartMonitoringResult(before, after, alerts, cycle.Retrainings);
    }

    private async Task<ModelDriftSummary> SnapshotDriftAsync(string model, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var to = workspace.Clock.GetUtcNow().AddMilliseconds(1);
        var result = await new ModelDriftService(workspace).AnalyzeAsync(ModelRef.ForAlias(model, ModelAliases.Production), DriftCurrent.Window(from, to), cancellationToken);
        var stored = await new DriftReportStore(workspace).SaveAsync(result.Report, result.Subject, cancellationToken);
        return ModelDriftSummary.Of(result, stored.JsonKey);
    }

    private static string Verdict(ModelDriftSummary drift)
    {
        var drifted = drift.Features.Where(f => f.Drifted).Select(f => f.Column).ToList();
        return $"{(drift.DatasetDrift ? "DRIFT" : "no drift")} in {drift.CurrentRows} logged predictions: {drift.DriftedFeatures} of {drift.Features.Count} features drifted"
            + (drifted.Count == 0 ? string.Empty : $" ({string.Join(", ", drifted)})");
    }

    /// <summary>One request per student, a few at a time, as an app's users would; returns the request ids in order.</summary>
    private async Task<string[]> PredictAsync(string model, string token, IReadOnlyList<StudentRecord> students, CancellationToken cancellationToken)
    {
        var ids = new string[students.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, students.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                using var answer = await SendAsync(HttpMethod.Post, $"api/v1/models/{Uri.EscapeDataString(model)}/predict", token, students[i].Inputs(), ct);
                using var body = await JsonDocument.ParseAsync(await answer.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                ids[i] = body.RootElement.GetProperty("requestId").GetString()!;
            });
        return ids;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await server.SendAsync(request, cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            var detail = await answer.Content.ReadAsStringAsync(cancellationToken);
            answer.Dispose();
            throw RaciflowException.Unavailable($"{method} {path} answered {(int)answer.StatusCode}: {detail[..Math.Min(detail.Length, 500)]}");
        }

        return answer;
    }
}
