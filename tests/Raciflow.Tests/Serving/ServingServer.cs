using Microsoft.AspNetCore.Builder;
using Raciflow.Registry;
using Raciflow.Server.Hosting;
using Raciflow.Tests.Registry;
using Raciflow.Tests.Support;
using Raciflow.Training;

namespace Raciflow.Tests.Serving;

/// <summary>
/// A real server on loopback over a workspace with two registered versions of "students" (1: linear, 2: decision
/// tree), production on version 1, and the two bundles for computing the expected answers offline.
/// </summary>
public sealed class ServingServer : IAsyncDisposable
{
    public const string Model = "students";

    private ServingServer(TestWorkspace workspace, WebApplication app, Uri address, ModelBundle linear, ModelBundle tree)
    {
        Workspace = workspace;
        App = app;
        Client = new HttpClient { BaseAddress = address };
        Linear = linear;
        Tree = tree;
    }

    public TestWorkspace Workspace { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Version 1.</summary>
    public ModelBundle Linear { get; }

    /// <summary>Version 2.</summary>
    public ModelBundle Tree { get; }

    public static readonly Dictionary<string, object?> Student = new()
    {
        ["gender"] = "female",
        ["race_ethnicity"] = "group C",
        ["parental_level_of_education"] = "bachelor's degree",
        ["lunch"] = "standard",
        ["test_preparation_course"] = "completed",
        ["reading_score"] = 72,
        ["writing_score"] = 74,
    };

    public static async Task<ServingServer> StartAsync(StoreKind kind = StoreKind.Local, string? projectYaml = null)
    {
        var ws = await TestWorkspace.CreateAsync(kind, projectYaml);
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path, ["linear", "decision-tree"]);
        var registry = new ModelRegistry(ws.Workspace);
        var linear = await registry.RegisterAsync(report.Leaderboard.Single(e => e.Algorithm == "linear").RunId, Model);
        var tree = await registry.RegisterAsync(report.Leaderboard.Single(e => e.Algorithm == "decision-tree").RunId, Model);
        await registry.SetAliasAsync(Model, 1, ModelAliases.Production);
        var app = ServerHost.Build(ws.Workspace, new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        return new ServingServer(ws, app, Assert.Single(ServerHost.Urls(app)), await registry.LoadBundleAsync(linear), await registry.LoadBundleAsync(tree));
    }

    public double Expected(int version, IReadOnlyDictionary<string, object?> row) => (version == 1 ? Linear : Tree).PredictRow(row).Value!.Value;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Workspace.Dispose();
    }
}
