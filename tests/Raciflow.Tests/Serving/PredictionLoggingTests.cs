using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Monitoring.Feedback;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Serving;

[Trait("Category", TestServices.Integration)]
public sealed class PredictionLoggingTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ServedPredictionsAreLoggedAndFeedbackJoinsThemByRequestId(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);
        var single = await PredictEndpointTests.PostJsonAsync(server, "/api/v1/models/students/predict", ServingServer.Student);
        var batch = await PredictEndpointTests.PostJsonAsync(server, "/api/v1/models/students/predict", new[] { ServingServer.Student, ServingServer.Student });
        var requestId = single.GetProperty("requestId").GetString()!;

        var counters = await server.App.Services.GetRequiredService<PredictionLogger>().FlushAsync();
        Assert.Equal((3L, 3L, 0L), (counters.Enqueued, counters.Written, counters.Dropped));
        var logged = await new PredictionLogReader(server.Workspace.Workspace).ReadAsync("students", 1, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        var ids = logged.Select(p => p.RequestId).Order(StringComparer.Ordinal).ToList();
        var batchId = batch.GetProperty("requestId").GetString()!;
        Assert.Equal(new[] { requestId, batchId + ":0", batchId + ":1" }.Order(StringComparer.Ordinal), ids);

        using var feedback = await server.Client.PostAsJsonAsync("/api/v1/models/students/feedback", new { outcomes = new[] { new { key = requestId, actual = "70" } } });
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var stored = Assert.Single(await new FeedbackService(server.Workspace.Workspace).ListAsync("students"));
        Assert.Equal(requestId, stored.KeyValue);

        using var unknown = await server.Client.PostAsJsonAsync("/api/v1/models/students/feedback", new { outcomes = new[] { new { key = "no-such-request", actual = "70" } } });
        Assert.True(unknown.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, unknown.StatusCode.ToString());
        Assert.Contains("no-such-request", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("raciflow_prediction_log_records{state=\"written\"} 3", await server.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }
}
