namespace Raciflow.Tests.Support;

/// <summary>Finds the repository root and the test data kept in it (tests/data).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A file of the repository's test data (tests/data; see its README for sources and licences).</summary>
    public static string TestData(string file)
    {
        var path = Path.Combine(Root, "tests", "data", file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Test data '{path}' is missing from the repository (tests/data).", path);
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
