using Raciflow.Registry;
using Raciflow.Tests.Registry;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Packaging;

/// <summary>A real linear model on generated student data, registered as students@1 with the staging alias.</summary>
public static class PackagedStudents
{
    public static async Task<ModelVersionDetails> RegisterAsync(Workspace workspace, string folder)
    {
        var report = await TrainedModels.TrainStudentsAsync(workspace, folder, rows: 160);
        var registry = new ModelRegistry(workspace);
        var version = await registry.RegisterAsync(report.Best.RunId, "students");
        await registry.SetAliasAsync("students", version.Version, "staging");
        return await registry.GetAsync(ModelRef.ForVersion("students", version.Version));
    }

    /// <summary>Every file and folder beside <paramref name="target"/> whose name starts with it (temporary or set-aside copies).</summary>
    public static IReadOnlyList<string> Siblings(string target) =>
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!)
            .Where(p => Path.GetFileName(p).Contains(Path.GetFileName(target), StringComparison.Ordinal) && p != target)
            .ToList();
}
