using System.Xml.Linq;

namespace Raciflow.Packaging;

/// <summary>
/// The part of a Raciflow checkout the image builds from: the CLI project and every project it references (their
/// folders, without build output), files those projects include from outside their folders, and the build settings
/// at the root (Directory.*.props, global.json). Found by following the project files, so a new project reference
/// or embedded file travels without a change here.
/// </summary>
public sealed class SourceTree
{
    public const string SolutionFile = "Raciflow.slnx";

    /// <summary>The project the image publishes, relative to the root.</summary>
    public const string CliProject = "src/Raciflow.Cli/Raciflow.Cli.csproj";

    private static readonly string[] RootFiles = ["global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nuget.config", "NuGet.Config"];
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "artifacts", "node_modules" };

    private SourceTree(string root, IReadOnlyList<string> projects, IReadOnlyList<string> files)
    {
        Root = root;
        Projects = projects;
        Files = files;
    }

    public string Root { get; }

    /// <summary>Project files, relative to the root with '/', the CLI first.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>Every file the snapshot holds, relative to the root with '/', sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// The checkout named by <paramref name="explicitRoot"/>, or else the first folder holding Raciflow.slnx above the
    /// running program or the current folder.
    /// </summary>
    public static string FindRoot(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot);
            return File.Exists(Path.Combine(full, SolutionFile)) && File.Exists(Path.Combine(full, CliProject))
                ? full
                : throw new RaciflowException(ErrorKind.NotFound, $"--source {full} is not a Raciflow checkout: it has no {SolutionFile} and {CliProject}.") { Location = "--source" };
        }

        string[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && File.Exists(Path.Combine(dir.FullName, CliProject)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new RaciflowException(
            ErrorKind.NotFound,
            $"Cannot find the Raciflow source ({SolutionFile}) above {starts[0]} or {starts[1]}. The package's Dockerfile builds the server from source: "
            + "pass --source DIR naming a Raciflow checkout (the folder holding " + SolutionFile + ").") { Location = "--source" };
    }

    /// <summary>Reads the project graph under <paramref name="root"/> and lists the files to snapshot.</summary>
    public static SourceTree Scan(string root)
    {
        root = Path.GetFullPath(root);
        var projects = new List<string>();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([Path.Combine(root, CliProject)]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var project))
        {
            if (!seen.Add(project))
            {
                continue;
            }

            var projectDir = Path.GetDirectoryName(project)!;
            projects.Add(Relative(root, project));
            foreach (var file in FilesUnder(projectDir))
            {
                files.Add(Relative(root, file));
            }

            foreach (var (kind, include) in Includes(project))
            {
                var path = Path.GetFullPath(Path.Combine(projectDir, include.Replace('\\', '/')));
                if (kind == "ProjectReference")
                {
                    pending.Enqueue(Inside(root, path, project));
                }
                else if (!include.Contains('*', StringComparison.Ordinal) && !path.StartsWith(projectDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    files.Add(Relative(root, Inside(root, path, project)));
                }
            }
        }

        foreach (var name in RootFiles.Where(n => File.Exists(Path.Combine(root, n))))
        {
            files.Add(name);
        }

        return new SourceTree(root, projects, [.. files]);
    }

    /// <summary>Copies the snapshot into <paramref name="destination"/>, keeping relative paths.</summary>
    public async Task CopyToAsync(string destination, CancellationToken cancellationToken)
    {
        foreach (var file in Files)
        {
            var target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var source = File.OpenRead(Path.Combine(Root, file));
            await using var copy = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            await source.CopyToAsync(copy, cancellationToken);
        }
    }

    private static IEnumerable<string> FilesUnder(string dir) =>
        Directory.EnumerateFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Concat(Directory.EnumerateDirectories(dir)
                .Where(d => !SkippedFolders.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith('.'))
                .SelectMany(FilesUnder));

    private static IEnumerable<(string Kind, string Include)> Includes(string project)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Load(project);
        }
        catch (System.Xml.XmlException ex)
        {
            throw RaciflowException.Invalid($"{project} is not a readable project file: {ex.Message}", project);
        }

        return xml.Descendants()
            .Where(e => e.Parent?.Name.LocalName == "ItemGroup" && e.Attribute("Include") is not null && e.Name.LocalName != "PackageReference"
                && e.Name.LocalName != "InternalsVisibleTo" && e.Name.LocalName != "Using")
            .Select(e => (e.Name.LocalName, e.Attribute("Include")!.Value))
            .ToList();
    }

    private static string Inside(string root, string path, string project) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)
            ? path
            : throw new RaciflowException(ErrorKind.NotFound, $"{project} includes {path}, which is missing or outside the checkout {root}.") { Location = project };

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
