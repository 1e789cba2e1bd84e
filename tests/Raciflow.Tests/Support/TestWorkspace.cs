using Raciflow.Workspaces;

namespace Raciflow.Tests.Support;

/// <summary>A fresh workspace (project folder plus stores) for one test.</summary>
public sealed class TestWorkspace : IDisposable
{
    private TestWorkspace(TempDirectory directory, Workspace workspace)
    {
        Folder = directory;
        Workspace = workspace;
    }

    public TempDirectory Folder { get; }

    public Workspace Workspace { get; }

    /// <summary>The CLI options that open this same workspace (folder and both stores).</summary>
    public IReadOnlyList<string> StoreArguments { get; private init; } = [];

    public static async Task<TestWorkspace> CreateAsync(StoreKind kind = StoreKind.Local, string? projectYaml = null, string actor = "tester")
    {
        var folder = new TempDirectory();
        if (projectYaml is not null)
        {
            folder.Write("raciflow.yaml", projectYaml);
        }

        var options = new WorkspaceOptions { Directory = folder.Path, Actor = actor };
        if (kind == StoreKind.Production)
        {
            options.StoreUri = await TestServices.CreatePostgresDatabaseAsync();
            options.ArtifactsUri = await TestServices.CreateS3BucketAsync();
        }
        else
        {
            options.StoreUri = "sqlite:.raciflow/raciflow.db";
            options.ArtifactsUri = "file:.raciflow/artifacts";
        }

        return new TestWorkspace(folder, await Workspace.OpenAsync(options)) { StoreArguments = ["-C", folder.Path, "--store", options.StoreUri, "--artifacts", options.ArtifactsUri] };
    }

    public void Dispose()
    {
        Workspace.Dispose();
        Folder.Dispose();
    }
}
