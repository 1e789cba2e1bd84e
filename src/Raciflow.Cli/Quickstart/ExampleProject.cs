using Raciflow.Cli.Examples;

namespace Raciflow.Cli.Quickstart;

/// <summary>Writes the bundled student-performance project (raciflow.yaml and its data) into a folder.</summary>
public static class ExampleProject
{
    private const string Marker = ".raciflow-quickstart";

    /// <summary>
    /// Creates <paramref name="directory"/> afresh. A folder made by an earlier quickstart (it holds a marker file)
    /// is replaced; any other non-empty folder is left alone and reported, so no user work is ever deleted.
    /// </summary>
    public static void WriteFresh(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            if (!File.Exists(Path.Combine(full, Marker)))
            {
                throw RaciflowException.Conflict($"Folder '{full}' exists and was not made by the quickstart; choose another with --dir.");
            }

            // A pooled SQLite connection would keep writing to the deleted database file; drop the pools first.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(full, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(full, "data"));
        File.WriteAllText(Path.Combine(full, Marker), "Made by 'raciflow quickstart'; the next quickstart replaces this folder.\n");
        using (var yaml = typeof(ExampleProject).Assembly.GetManifestResourceStream("Raciflow.Examples.student-performance.yaml")
            ?? throw new InvalidOperationException("The example raciflow.yaml is missing from the assembly."))
        using (var file = File.Create(Path.Combine(full, "raciflow.yaml")))
        {
            yaml.CopyTo(file);
        }

        File.WriteAllText(Path.Combine(full, "data", "students.csv"), StudentPerformanceGenerator.GenerateCsv());
    }
}
