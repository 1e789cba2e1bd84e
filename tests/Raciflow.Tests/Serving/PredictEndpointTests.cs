using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Raciflow.Registry;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Serving;

[Trait("Category", TestServices.Integration)]
public sealed class PredictEndpointTests
{
    private const string Predict = "/api/v1/models/students/predict";

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task OneObjectAnArrayInstancesAndCsvGetTheBundlesNumbers(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);
        var other = new Dictionary<string, object?>(ServingServer.Student) { ["reading_score"] = 40, ["writing_score"] = 45, ["lunch"] = "free/reduced" };

        var single = await PostJsonAsync(server, Predict, ServingServer.Student);
        Assert.Equal(1, single.GetProperty("version").GetInt32());
        Assert.Equal("students", single.GetProperty("model").GetString());
        Assert.False(string.IsNullOrEmpty(single.GetProperty("requestId").GetString()));
        Assert.Equal(server.Expected(1, ServingServer.Student), Value(single, 0), 10);

        var array = await PostJsonAsync(server, Predict, new[] { ServingServer.Student, other });
        Assert.Equal([server.Expected(1, ServingServer.Student), server.Expected(1, other)], [Value(array, 0), Value(array, 1)]);

        var instances = await PostJsonAsync(server, "/api/v1/models/students/versions/2/predict", new { instances = new[] { other } });
        Assert.Equal(2, instances.GetProperty("version").GetInt32());
        Assert.Equal(server.Expected(2, other), Value(instances, 0), 10);

        var csv = "gender,race_ethnicity,parental_level_of_education,lunch,test_preparation_course,reading_score,writing_score\n"
            + "female,group C,bachelor's degree,standard,completed,72,74\nfemale,group C,bachelor's degree,free/reduced,completed,40,45\n";
        using var response = await server.Client.PostAsync(Predict, new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fromCsv = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([Value(array, 0), Value(array, 1)], [Value(fromCsv, 0), Value(fromCsv, 1)]);
    }

    [Fact]
    public async Task EveryOffendingFieldIsListedAndNothingReachesTheModel()
    {
        await using var server = await ServingServer.StartAsync();
        var bad = new Dictionary<string, object?>(ServingServer.Student) { ["reading_score"] = "high", ["writing_score"] = 70.5, ["lunch"] = 3, ["shoe_size"] = 42 };
        bad.Remove("gender");
        bad["race_ethnicity"] = null;

        using var response = await server.Client.PostAsJsonAsync(Predict, new[] { ServingServer.Student, bad });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["[1].gender", "[1].lunch", "[1].race_ethnicity", "[1].reading_score", "[1].shoe_size", "[1].writing_score"], fields);
        Assert.Contains("must be a number", errors.GetProperty("[1].reading_score")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("whole number", errors.GetProperty("[1].writing_score")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("is required", errors.GetProperty("[1].gender")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("may not be null", errors.GetProperty("[1].race_ethnicity")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not an input", errors.GetProperty("[1].shoe_size")[0].GetString(), StringComparison.Ordinal);

        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("raciflow_prediction_requests_total{model=\"students\",version=\"1\",outcome=\"invalid\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("raciflow_predicted_rows_total{model=\"students\",version=\"1\"} 0", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"gender\": ", "application/json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("", "application/json", HttpStatusCode.BadRequest, "empty")]
    [InlineData("42", "application/json", HttpStatusCode.BadRequest, "JSON number")]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest, "no rows")]
    [InlineData("{\"instances\": 3}", "application/json", HttpStatusCode.BadRequest, "must be an array")]
    [InlineData("[1, 2]", "application/json", HttpStatusCode.UnprocessableEntity, "must be a JSON object")]
    [InlineData("gender,lunch\nfemale,standard\n", "text/csv", HttpStatusCode.UnprocessableEntity, "CSV header must name every input")]
    [InlineData("gender,race_ethnicity,parental_level_of_education,lunch,test_preparation_course,reading_score,writing_score\n", "text/csv", HttpStatusCode.BadRequest, "no rows")]
    public async Task MalformedBodiesGetProblemDetailsNamingTheProblem(string body, string contentType, HttpStatusCode status, string message)
    {
        await using var server = await ServingServer.StartAsync();

        using var response = await server.Client.PostAsync(Predict, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/models/nope/predict", "does not exist or has no alias")]
    [InlineData("/api/v1/models/students/predict?alias=canary", "no alias 'canary'")]
    [InlineData("/api/v1/models/students/versions/9/predict", "no version 9")]
    public async Task UnknownModelsAliasesAndVersionsAreNotFound(string path, string message)
    {
        await using var server = await ServingServer.StartAsync();

        using var response = await server.Client.PostAsJsonAsync(path, ServingServer.Student);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnseenCategoriesAndOutOfRangeValuesArePredictedNotedAndCounted()
    {
        await using var server = await ServingServer.StartAsync();
        var unusual = new Dictionary<string, object?>(ServingServer.Student) { ["race_ethnicity"] = "group Z", ["reading_score"] = 250 };

        var answer = await PostJsonAsync(server, Predict, unusual);

        Assert.Equal(server.Expected(1, unusual), Value(answer, 0), 10);
        var notes = answer.GetProperty("notes").EnumerateArray().Select(n => (n.GetProperty("field").GetString(), n.GetProperty("kind").GetString())).Order().ToList();
        Assert.Equal([("race_ethnicity", "unseen-category"), ("reading_score", "out-of-range")], notes);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("raciflow_prediction_input_notes_total{model=\"students\",version=\"1\",field=\"race_ethnicity\",kind=\"unseen-category\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("raciflow_prediction_requests_total{model=\"students\",version=\"1\",outcome=\"ok\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("raciflow_prediction_duration_seconds_count{model=\"students\",version=\"1\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("raciflow_prediction_requests_in_flight 0", metrics, StringComparison.Ordinal);
        Assert.Matches(@"dotnet_collection_count_total\{generation=""0""\} \d+", metrics);
        Assert.Matches(@"dotnet_gc_pause_seconds_total \d", metrics);
        Assert.Matches(@"dotnet_gc_allocated_bytes_total [1-9]", metrics);
        Assert.Matches(@"process_working_set_bytes \d+", metrics);
    }

    [Fact]
    public async Task PredictionsNeedATokenOnceMembersExistUnlessTheModelIsPublic()
    {
        const string Yaml = "project: students\nserving:\n  public_models: [open]\n";
        await using var server = await ServingServer.StartAsync(StoreKind.Local, Yaml);
        var token = (await new Raciflow.Governance.GovernanceService(server.Workspace.Workspace, Raciflow.Governance.Members.Credentials.None).Members.AddAsync("mila", ["ml-engineer"])).Token;
        var registry = new ModelRegistry(server.Workspace.Workspace);
        await registry.RegisterAsync((await registry.GetAsync(ModelRef.Parse("students@1"))).RunId, "open");
        await registry.SetAliasAsync("open", 1, ModelAliases.Production);

        using var anonymous = await server.Client.PostAsJsonAsync(Predict, ServingServer.Student);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var open = await server.Client.PostAsJsonAsync("/api/v1/models/open/predict", ServingServer.Student);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, Predict) { Content = JsonContent.Create(ServingServer.Student) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var authorised = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
    }

    internal static async Task<JsonElement> PostJsonAsync(ServingServer server, string path, object body)
    {
        using var response = await server.Client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    internal static double Value(JsonElement answer, int row) => answer.GetProperty("predictions")[row].GetProperty("value").GetDouble();
}
