namespace Raciflow.Tests.Support;

/// <summary>Finds the repository root and the shared sample data beside it (../shared/data).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedData(string file)
    {
        var folder = Environment.GetEnvironmentVariable("RACIFLOW_SHARED_DATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Root, "..", "shared", "data");
        var path = Path.GetFullPath(Path.Combine(folder, file));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared sample data '{path}' is missing: the repository must sit beside ../shared as on CI, or RACIFLOW_SHARED_DATA must name the folder.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Raciflow.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Raciflow.slnx) above " + AppContext.BaseDirectory);
    }
}
