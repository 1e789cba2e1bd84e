using Raciflow.Data;
using Raciflow.Registry;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;
using Raciflow.Training;
using Raciflow.Workflows;

namespace Raciflow.Tests.Serving;

/// <summary>
/// A real server over a workspace with one classifier of the penguins data registered as "penguins" (production on
/// version 1), and its bundle for computing expected answers offline.
/// </summary>
public sealed class PenguinsServer : IAsyncDisposable
{
    public const string Model = "penguins";

    public const string Predict = "/api/v1/models/penguins/predict";

    private PenguinsServer(TestWorkspace workspace, WebServer server, ModelBundle bundle)
    {
        Workspace = workspace;
        Server = server;
        Bundle = bundle;
        Client = server.Client();
    }

    public TestWorkspace Workspace { get; }

    public WebServer Server { get; }

    public ModelBundle Bundle { get; }

    /// <summary>Keeps cookies (the web form's antiforgery cookie), follows no redirects.</summary>
    public HttpClient Client { get; }

    /// <summary>A penguin of the training data's kind, as JSON field values.</summary>
    public static Dictionary<string, object?> Penguin() => new()
    {
        ["island"] = "Biscoe",
        ["beak_length_mm"] = 47.5,
        ["beak_depth_mm"] = 15.1,
        ["flipper_length_mm"] = 218,
        ["body_mass_g"] = 5200,
        ["sex"] = "FEMALE",
    };

    public static async Task<PenguinsServer> StartAsync(string algorithm = "naive-bayes", StoreKind kind = StoreKind.Local, string? projectYaml = null)
    {
        var ws = await TestWorkspace.CreateAsync(kind, projectYaml);
        try
        {
            await new DatasetService(ws.Workspace).AddAsync(RepositoryPaths.TestData("penguins.csv"), Model);
            var report = await new TrainingWorkflow(ws.Workspace).RunAsync(new TrainOptions
            {
                Data = Model, Target = "species", Task = TaskKind.Multiclass, Algorithms = [algorithm], Trials = 1, Folds = 2,
            });
            var registry = new ModelRegistry(ws.Workspace);
            var bundle = await registry.LoadBundleAsync(await registry.RegisterAsync(report.Best.RunId, Model));
            await registry.SetAliasAsync(Model, 1, ModelAliases.Production);
            return new PenguinsServer(ws, await WebServer.StartAsync(ws.Workspace), bundle);
        }
        catch
        {
            ws.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Workspace.Dispose();
    }
}
