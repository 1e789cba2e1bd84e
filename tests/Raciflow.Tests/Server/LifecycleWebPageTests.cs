using System.Globalization;
using Microsoft.Playwright;
using Raciflow.Data;
using Raciflow.Data.Profiling;
using Raciflow.Data.Validation;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Registry;
using Raciflow.Server.Web;
using Raciflow.Tests.Serving;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;
using Raciflow.Training;

namespace Raciflow.Tests.Server;

/// <summary>
/// The runs, datasets, models and prediction pages in a real headless Chromium against the real server, over a
/// workspace with two trained and registered versions of "students" (production on version 1, the linear model).
/// </summary>
[Trait("Category", TestServices.Integration)]
public sealed class LifecycleWebPageTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task TheFormPredictsWhatTheBundlePredictsAndABadValueGetsAFieldErrorKeepingWhatWasTyped(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);
        var page = await chromium.NewPageAsync(server.Client.BaseAddress!);

        await page.GotoAsync("/predict/students");
        Assert.Contains("students@1", await page.InnerTextAsync("#served-version"), StringComparison.Ordinal);
        Assert.Equal("1", await Field(page, "reading_score").GetAttributeAsync("step"));
        var lunches = await page.Locator("[data-field=lunch] select option").AllInnerTextsAsync();
        Assert.Contains("standard", lunches);
        Assert.Contains("free/reduced", lunches);
        Assert.Contains("training range", await page.InnerTextAsync("[data-field=reading_score]"), StringComparison.Ordinal);
        await FillAsync(page, ServingServer.Student);
        var answered = await SubmitAsync(page);

        Assert.Equal(200, answered.Status);
        var expected = server.Linear.PredictRow(Typed(ServingServer.Student)).Value!.Value;
        Assert.Equal(WebFormat.Number(expected), await page.InnerTextAsync("#prediction-value"));
        Assert.Equal(expected, double.Parse((await page.GetAttributeAsync("#prediction-value", "data-value"))!, CultureInfo.InvariantCulture));

        // A fractional score for an integer input and a required category left empty: 422, errors beside the fields.
        await Field(page, "writing_score").FillAsync("70.5");
        await Field(page, "gender").SelectOptionAsync(string.Empty);
        var refused = await SubmitAsync(page);

        Assert.Equal(422, refused.Status);
        Assert.Equal(0, await page.Locator("#prediction").CountAsync());
        Assert.Contains("whole number", await page.InnerTextAsync("[data-field=writing_score] .field-error"), StringComparison.Ordinal);
        Assert.Contains("may not be null", await page.InnerTextAsync("[data-field=gender] .field-error"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-field=reading_score] .field-error").CountAsync());
        Assert.Equal("70.5", await Field(page, "writing_score").InputValueAsync());
        Assert.Equal("72", await Field(page, "reading_score").InputValueAsync());
        Assert.Equal("bachelor's degree", await Field(page, "parental_level_of_education").InputValueAsync());

        // Version 2 by ?version=, and a value outside the training range is answered with a note.
        var far = new Dictionary<string, object?>(ServingServer.Student) { ["reading_score"] = 1000 };
        await page.GotoAsync("/predict/students?version=2");
        await FillAsync(page, far);
        await SubmitAsync(page);
        Assert.Equal(WebFormat.Number(server.Tree.PredictRow(Typed(far)).Value), await page.InnerTextAsync("#prediction-value"));
        Assert.Contains("outside the training range", await page.InnerTextAsync("#prediction-notes"), StringComparison.Ordinal);
        Assert.Contains("outside the training range", await page.InnerTextAsync("[data-field=reading_score] .field-note"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AClickFromTheLeaderboardLeadsToTheRunItsModelVersionAndItsDatasetVersion(StoreKind kind)
    {
        await using var server = await ServingServer.StartAsync(kind);
        var ws = server.Workspace.Workspace;
        await new DatasetValidationService(ws).ValidateAsync(new DatasetRef("students", "1"));
        await new DatasetProfileService(ws).ProfileAsync(new DatasetRef("students", "1"));
        var page = await chromium.NewPageAsync(server.Client.BaseAddress!);

        await page.GotoAsync("/runs");
        var leaderboard = page.Locator("table.leaderboard").First;
        Assert.Equal(["1", "2"], await leaderboard.Locator("tbody tr td:first-child").AllInnerTextsAsync());
        Assert.Contains("r2 (higher is better)", await leaderboard.InnerTextAsync(), StringComparison.Ordinal);
        await PageNavigation.FollowAsync(page, "table.leaderboard >> nth=0 >> a:has-text('linear')");

        Assert.Contains("linear", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal("linear", await page.InnerTextAsync("#run-params tr:has(th:text-is('algorithm')) td"));
        Assert.NotEmpty(await page.InnerTextAsync("#run-metrics tr:has(th:text-is('test_r2')) td"));
        Assert.Equal(3, await page.Locator("#run-plots img").CountAsync()); // tuning history, predicted vs actual, residuals
        var widths = await page.EvaluateAsync<int[]>("() => Array.from(document.querySelectorAll('#run-plots img')).map(i => i.naturalWidth)");
        Assert.All(widths, w => Assert.True(w > 0, "a plot did not load as an image"));
        Assert.True(await page.Locator("#run-importance tbody tr").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("#run-plots svg").CountAsync()); // served by a route, never inlined

        await PageNavigation.FollowAsync(page, "#run-models a:text-is('students@1')");
        Assert.EndsWith("/models/students/versions/1", page.Url, StringComparison.Ordinal);
        Assert.Contains("production", await page.InnerTextAsync("#model-lineage"), StringComparison.Ordinal);
        Assert.Contains("Inputs (signature)", await page.InnerTextAsync("#model-card"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#model-card table").CountAsync() >= 2); // the card's Markdown tables became HTML tables
        Assert.Contains("integer", await page.InnerTextAsync("#model-signature tr:has(td:text-is('reading_score'))"), StringComparison.Ordinal);

        await PageNavigation.FollowAsync(page, "#model-dataset a");
        Assert.EndsWith("/datasets/students/1", page.Url, StringComparison.Ordinal);
        Assert.Equal(["students@1", "students@2"], await page.Locator("#dataset-models a[href^='/models/']").AllInnerTextsAsync());
        Assert.Contains("math_score", await page.InnerTextAsync("#dataset-columns"), StringComparison.Ordinal);
        Assert.Contains("Passed", await page.InnerTextAsync("#dataset-validation"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#dataset-runs a").CountAsync() >= 3); // the job and its two algorithms

        var report = await PageNavigation.FollowAsync(page, "#dataset-profile a");
        Assert.Contains("sandbox", report.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.StartsWith("Profile of students@1", await page.TitleAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/models/students");
        Assert.Contains("production → students@1", await page.InnerTextAsync("#model-aliases"), StringComparison.Ordinal);
        Assert.Contains("production", await page.InnerTextAsync("#alias-history"), StringComparison.Ordinal);
        await PageNavigation.FollowAsync(page, "#predict-link");
        Assert.EndsWith("/predict/students", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClassifierAnswersWithItsLabelAndEveryClassProbabilityAndAnEmptyNullableFieldIsMissing()
    {
        using var ws = await TestWorkspace.CreateAsync();
        await new DatasetService(ws.Workspace).AddAsync(RepositoryPaths.TestData("penguins.csv"), "penguins");
        var report = await new TrainingWorkflow(ws.Workspace).RunAsync(new TrainOptions
        {
            Data = "penguins", Target = "species", Task = TaskKind.Multiclass, Algorithms = ["naive-bayes"], Trials = 1, Folds = 2,
        });
        var registry = new ModelRegistry(ws.Workspace);
        var bundle = await registry.LoadBundleAsync(await registry.RegisterAsync(report.Best.RunId, "penguins"));
        await registry.SetAliasAsync("penguins", 1, ModelAliases.Production);
        await using var server = await WebServer.StartAsync(ws.Workspace);
        var page = await chromium.NewPageAsync(server.BaseAddress);

        await page.GotoAsync("/predict/penguins");
        Assert.Contains("— (missing)", await page.InnerTextAsync("[data-field=sex] select"), StringComparison.Ordinal);
        await Field(page, "island").SelectOptionAsync("Biscoe");
        await Field(page, "beak_length_mm").FillAsync("47.5");
        await Field(page, "beak_depth_mm").FillAsync("15.1");
        await Field(page, "flipper_length_mm").FillAsync("218");
        await Field(page, "body_mass_g").FillAsync("5200");
        await SubmitAsync(page);

        var expected = bundle.PredictRow(new Dictionary<string, object?>
        {
            ["island"] = "Biscoe", ["beak_length_mm"] = 47.5, ["beak_depth_mm"] = 15.1, ["flipper_length_mm"] = 218.0, ["body_mass_g"] = 5200.0, ["sex"] = null,
        });
        Assert.Equal(expected.Label, await page.InnerTextAsync("#prediction-label"));
        var classes = await page.Locator("#probabilities .class").AllInnerTextsAsync();
        Assert.Equal(expected.Probabilities!.OrderByDescending(p => p.Value).Select(p => p.Key), classes);
        Assert.Equal(3, await page.Locator("#probabilities meter").CountAsync());
    }

    /// <summary>Posts the form with its button and waits for the answer page.</summary>
    private static Task<IResponse> SubmitAsync(IPage page) => PageNavigation.SubmitAsync(page, "#predict");

    private static ILocator Field(IPage page, string name) => page.Locator($"[data-field='{name}'] [name='{name}']");

    private static async Task FillAsync(IPage page, IReadOnlyDictionary<string, object?> row)
    {
        foreach (var (name, value) in row)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            if (value is string)
            {
                await Field(page, name).SelectOptionAsync(text);
            }
            else
            {
                await Field(page, name).FillAsync(text);
            }
        }
    }

    /// <summary>The row as the signature validator hands it to the model: numbers as doubles, categories as strings.</summary>
    private static Dictionary<string, object?> Typed(IReadOnlyDictionary<string, object?> row) =>
        row.ToDictionary(kv => kv.Key, kv => kv.Value is string s ? s : (object?)Convert.ToDouble(kv.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
