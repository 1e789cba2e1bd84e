using Raciflow.Projects;
using Raciflow.Storage;

namespace Raciflow.Workspaces;

/// <summary>Creates a project folder: raciflow.yaml (unless one exists) and the workspace stores.</summary>
public static class WorkspaceInitializer
{
    public static async Task<InitResult> InitAsync(string directory, WorkspaceOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        var projectFile = Path.Combine(full, ProjectConfigLoader.FileName);
        var created = false;
        if (!File.Exists(projectFile))
        {
            var name = new DirectoryInfo(full).Name;
            await AtomicFile.WriteAllTextAsync(projectFile, ProjectTemplate.Render(name), new AtomicWriteOptions { Overwrite = false }, cancellationToken);
            created = true;
        }

        Directory.CreateDirectory(Path.Combine(full, ".raciflow"));
        options.Directory = full;
        using var workspace = await Workspace.OpenAsync(options, cancellationToken);
        return new InitResult(full, projectFile, created, workspace.Metadata.DisplayUri, workspace.Artifacts.Location.ToString());
    }
}
