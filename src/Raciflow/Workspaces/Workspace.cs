using Raciflow.Projects;
using Raciflow.Storage;
using Raciflow.Storage.Metadata;

namespace Raciflow.Workspaces;

/// <summary>
/// A team's state: the project declaration plus a metadata store and an artifact store, each named by a URI.
/// Application services take a workspace and do the lifecycle work; front doors only open one.
/// </summary>
public sealed class Workspace : IDisposable
{
    private Workspace(string directory, MetadataStore metadata, IArtifactStore artifacts, ProjectConfig? project, string actor, TimeProvider clock)
    {
        Directory = directory;
        Metadata = metadata;
        Artifacts = artifacts;
        Project = project;
        Actor = actor;
        Clock = clock;
    }

    public string Directory { get; }

    public MetadataStore Metadata { get; }

    public IArtifactStore Artifacts { get; }

    /// <summary>The project declared in raciflow.yaml, or null when the folder has none.</summary>
    public ProjectConfig? Project { get; private set; }

    public string ProjectFile => Path.Combine(Directory, ProjectConfigLoader.FileName);

    public string Actor { get; }

    public TimeProvider Clock { get; }

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens (and migrates) the stores of a workspace.</summary>
    public static async Task<Workspace> OpenAsync(WorkspaceOptions options, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(options.Directory ?? FindProjectDirectory(Environment.CurrentDirectory));
        var storeUri = options.StoreUri ?? Environment.GetEnvironmentVariable(WorkspaceOptions.StoreVariable) ?? WorkspaceOptions.DefaultStore;
        var artifactsUri = options.ArtifactsUri ?? Environment.GetEnvironmentVariable(WorkspaceOptions.ArtifactsVariable) ?? WorkspaceOptions.DefaultArtifacts;
        var projectFile = Path.Combine(directory, ProjectConfigLoader.FileName);
        var project = File.Exists(projectFile) ? ProjectConfigLoader.Load(projectFile) : null;

        var metadata = MetadataStore.Open(storeUri, directory);
        await metadata.MigrateAsync(cancellationToken);
        var artifacts = ArtifactStoreFactory.Open(artifactsUri, directory);
        var actor = options.Actor ?? Environment.GetEnvironmentVariable("RACIFLOW_ACTOR") ?? Environment.UserName;
        return new Workspace(directory, metadata, artifacts, project, actor, options.Clock);
    }

    /// <summary>The project, or an error telling the user to create one.</summary>
    public ProjectConfig RequireProject() =>
        Project ?? throw RaciflowException.NotFound($"No {ProjectConfigLoader.FileName} in {Directory}; run 'raciflow init' first.");

    /// <summary>Reads raciflow.yaml again after this process changed it (a governed matrix change), so a long-running server enforces the new matrix.</summary>
    public void ReloadProject() => Project = File.Exists(ProjectFile) ? ProjectConfigLoader.Load(ProjectFile) : null;

    public void Dispose() => (Artifacts as IDisposable)?.Dispose();

    private static string FindProjectDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectConfigLoader.FileName)) || System.IO.Directory.Exists(Path.Combine(dir.FullName, ".raciflow")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
