using Raciflow.Packaging;
using Raciflow.Tests.Support;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Packaging;

/// <summary><c>raciflow package</c> end to end: the CLI over both stores, governed as packaging-deployment.</summary>
[Trait("Category", TestServices.Integration)]
[Collection(ConsoleCollection.Name)]
public sealed class PackageCommandTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task PackageWritesTheFolderRefusesToOverwriteItAndReplacesItWithForce(StoreKind kind)
    {
        using var folder = new TempDirectory();
        var stores = kind == StoreKind.Production
            ? (Store: await TestServices.CreatePostgresDatabaseAsync(), Artifacts: await TestServices.CreateS3BucketAsync())
            : (Store: "sqlite:.raciflow/raciflow.db", Artifacts: "file:.raciflow/artifacts");
        using (var workspace = await Workspace.OpenAsync(new WorkspaceOptions { Directory = folder.Path, StoreUri = stores.Store, ArtifactsUri = stores.Artifacts, Actor = "tester" }))
        {
            await PackagedStudents.RegisterAsync(workspace, folder.Path);
        }

        var target = folder.File("out/students");
        string[] package = ["package", "students@staging", "--out", target, "--registry", "ghcr.io/acme", "--json", "-C", folder.Path, "--store", stores.Store, "--artifacts", stores.Artifacts];

        var first = await CliRunner.RunAsync(package);
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var manifest = first.Json.GetProperty("manifest");
        Assert.Equal("ghcr.io/acme/raciflow-students:v1", manifest.GetProperty("image").GetString());
        Assert.Equal(target, first.Json.GetProperty("directory").GetString());
        Assert.Contains(first.Json.GetProperty("files").EnumerateArray(), f => f.GetString() == PackageLayout.Workflow);
        var written = PackageManifest.FromJson(await File.ReadAllTextAsync(Path.Combine(target, PackageManifest.FileName)));
        Assert.Equal(manifest.GetProperty("sha256").GetString(), written.Sha256);

        var again = await CliRunner.RunAsync(package);
        Assert.Equal(ErrorKind.Conflict.ExitCode(), again.ExitCode);
        Assert.Contains("--force", again.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

        var forced = await CliRunner.RunAsync([.. package, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.Stdout + forced.Stderr);

        var badSource = await CliRunner.RunAsync([.. package, "--force", "--source", folder.Path]);
        Assert.Equal(ErrorKind.NotFound.ExitCode(), badSource.ExitCode);
        Assert.Contains("--source", badSource.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, PackageLayout.Bundle)));
    }
}
