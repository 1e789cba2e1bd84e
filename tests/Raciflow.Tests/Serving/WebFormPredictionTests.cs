using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Monitoring.ModelDrift;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Registry;
using Raciflow.Serving;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;

namespace Raciflow.Tests.Serving;

/// <summary>
/// The web form predicts through the same service as the API: it is counted in /metrics like any request, its
/// predictions are logged tagged as the web form's, and drift windows leave them out unless
/// monitoring.drift.include_web_form says otherwise (people trying the form are not production traffic).
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class WebFormPredictionTests
{
    [Fact]
    public async Task AFormPredictionIsCountedInMetricsLikeAnApiOne()
    {
        await using var server = await ServingServer.StartAsync();

        using var answered = await PostFormAsync(server);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("raciflow_prediction_requests_total{model=\"students\",version=\"1\",outcome=\"ok\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("raciflow_predicted_rows_total{model=\"students\",version=\"1\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("raciflow_prediction_duration_seconds_count{model=\"students\",version=\"1\"} 1", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FormPredictionsAreLoggedAsSuchAndLeftOutOfDriftWindowsUnlessConfigured(bool includeWebForm)
    {
        var yaml = includeWebForm ? "project: students\nmonitoring:\n  drift:\n    include_web_form: true\n" : null;
        await using var server = await ServingServer.StartAsync(StoreKind.Local, yaml);
        var api = await PredictEndpointTests.PostJsonAsync(server, "/api/v1/models/students/predict", new[] { ServingServer.Student, ServingServer.Student });
        using (var form = await PostFormAsync(server))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        await server.App.Services.GetRequiredService<PredictionLogger>().FlushAsync();
        var from = DateTimeOffset.UtcNow.AddHours(-1);
        var to = DateTimeOffset.UtcNow.AddHours(1);
        var logged = await new PredictionLogReader(server.Workspace.Workspace).ReadAsync("students", 1, from, to);
        var apiId = api.GetProperty("requestId").GetString()!;
        Assert.Equal(
            [(apiId + ":0", PredictionSource.Api), (apiId + ":1", PredictionSource.Api)],
            logged.Where(p => p.Source == PredictionSource.Api).Select(p => (p.RequestId, p.Source)).Order());
        var fromForm = Assert.Single(logged, p => p.Source == PredictionSource.WebForm);
        Assert.Matches("^[0-9a-f]{32}$", fromForm.RequestId);

        var drift = await new ModelDriftService(server.Workspace.Workspace).AnalyzeAsync(ModelRef.Parse("students"), DriftCurrent.Window(from, to));
        Assert.Equal(includeWebForm ? 3 : 2, drift.Report.CurrentRows);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(ServingServer server)
    {
        var page = await server.Client.GetStringAsync("/predict/students");
        var fields = ServingServer.Student.Select(f => (f.Key, Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)).ToArray();
        return await WebForms.PostAsync(server.Client, "/predict/students", page, fields);
    }
}
