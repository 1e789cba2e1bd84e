using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Serving;

/// <summary>
/// A text input longer than the limit (serving.max_text_length, 1,024 characters unless raciflow.yaml says otherwise)
/// is a 422 naming the field and the limit: it is neither echoed back nor written to the prediction log.
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class TextInputLimitTests
{
    private const string Predict = "/api/v1/models/students/predict";

    [Fact]
    public async Task ATenMegabyteCategoryIsA422NamingTheFieldAndTheLimitAndIsNeitherEchoedNorLogged()
    {
        await using var server = await ServingServer.StartAsync();
        var huge = new Dictionary<string, object?>(ServingServer.Student) { ["gender"] = new string('x', 10 * 1024 * 1024) };

        using var response = await server.Client.PostAsJsonAsync(Predict, huge);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 4096, $"The answer is {body.Length:N0} characters long: the value was echoed.");
        var message = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("gender").EnumerateArray()).GetString();
        Assert.Contains("10,485,760 characters", message, StringComparison.Ordinal);
        Assert.Contains("at most 1,024", message, StringComparison.Ordinal);
        Assert.Contains("serving.max_text_length", message, StringComparison.Ordinal);

        var counters = await server.App.Services.GetRequiredService<PredictionLogger>().FlushAsync();
        Assert.Equal(0, counters.Enqueued);
    }

    [Fact]
    public async Task TheLimitComesFromRaciflowYamlAndAValueAtTheLimitIsAccepted()
    {
        await using var server = await ServingServer.StartAsync(StoreKind.Local, "project: students\nserving:\n  max_text_length: 20\n");

        using var atLimit = await server.Client.PostAsJsonAsync(Predict, new Dictionary<string, object?>(ServingServer.Student) { ["lunch"] = new string('s', 20) });
        using var over = await server.Client.PostAsJsonAsync(Predict, new Dictionary<string, object?>(ServingServer.Student) { ["lunch"] = new string('s', 21) });

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Contains("is 21 characters long; text inputs are at most 20 characters", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnseenCategoryIsEchoedInItsNoteOnlyInPart()
    {
        await using var server = await ServingServer.StartAsync();
        var unseen = "group " + new string('z', 900);

        var answer = await PredictEndpointTests.PostJsonAsync(server, Predict, new Dictionary<string, object?>(ServingServer.Student) { ["race_ethnicity"] = unseen });

        var note = Assert.Single(answer.GetProperty("notes").EnumerateArray());
        var message = note.GetProperty("message").GetString()!;
        Assert.Contains("not seen in training", message, StringComparison.Ordinal);
        Assert.DoesNotContain(unseen, message, StringComparison.Ordinal);
        Assert.True(message.Length < 200, message);
    }
}
