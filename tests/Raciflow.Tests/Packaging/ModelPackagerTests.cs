using System.Security.Cryptography;
using System.Text.Json;
using Raciflow.Data;
using Raciflow.Packaging;
using Raciflow.Registry;
using Raciflow.Tests.Support;
using Raciflow.Training;
using YamlDotNet.RepresentationModel;

namespace Raciflow.Tests.Packaging;

[Trait("Category", TestServices.Integration)]
public sealed class ModelPackagerTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task APackageHoldsTheRegistrysBundleAndFilesThatAreWellFormedAndReferToEachOther(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var version = await PackagedStudents.RegisterAsync(ws.Workspace, ws.Folder.Path);
        var target = ws.Folder.File("deploy/students");

        var result = await new ModelPackager(ws.Workspace).PackageAsync(ModelRef.Parse("students@staging"), target, new PackageOptions { Registry = "ghcr.io/acme" });

        Assert.Equal(target, result.Directory);
        Assert.Empty(PackagedStudents.Siblings(target));
        var manifest = PackageManifest.FromJson(await File.ReadAllTextAsync(Path.Combine(target, PackageManifest.FileName)));
        Assert.Equal(("students", 1, version.BundleSha256, "ghcr.io/acme/raciflow-students:v1", PackageLayout.Bundle), (manifest.Model, manifest.Version, manifest.Sha256, manifest.Image, manifest.Bundle));
        Assert.False(string.IsNullOrEmpty(manifest.RaciflowVersion));
        Assert.Equal(result.Files, Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f)).Order(StringComparer.Ordinal));

        await BundleIsTheRegistrysAndPredictsTheSameAsync(ws, version, target);
        await ModelFilesAreTheRegistrysAsync(ws, version, target);
        DockerfileBuildsFromThePackageAndServesTheBundle(target, manifest);
        KubernetesManifestDeploysTheImageWithProbesAndLimits(target, manifest);
        WorkflowRunsLintTestBuildDeployWithOidcAndNoStoredKeys(target);
        SourceSnapshotHoldsEveryProjectAndFileTheCliBuildNeeds(target);
        var readme = await File.ReadAllTextAsync(Path.Combine(target, PackageLayout.Readme));
        Assert.All(
            [PackageLayout.Bundle, PackageLayout.ModelCard, PackageLayout.Signature, PackageManifest.FileName, PackageLayout.Dockerfile, PackageLayout.Kubernetes, PackageLayout.Workflow],
            f => Assert.Contains($"`{f}`", readme, StringComparison.Ordinal));
        Assert.Contains("docker build -t ghcr.io/acme/raciflow-students:v1 .", readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task PackagingOverANonEmptyFolderFailsUnlessForcedAndForcingReplacesItWhole(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await PackagedStudents.RegisterAsync(ws.Workspace, ws.Folder.Path);
        var target = ws.Folder.File("pkg");
        ws.Folder.Write("pkg/notes.txt", "mine");
        var packager = new ModelPackager(ws.Workspace);

        var refused = await Assert.ThrowsAsync<RaciflowException>(() => packager.PackageAsync(ModelRef.Parse("students@1"), target, new PackageOptions()));

        Assert.Equal(ErrorKind.Conflict, refused.Kind);
        Assert.Contains(target, refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));

        var forced = await packager.PackageAsync(ModelRef.Parse("students@1"), target, new PackageOptions { Force = true });

        Assert.False(File.Exists(Path.Combine(target, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(target, PackageLayout.Bundle)));
        Assert.Equal("raciflow-students:v1", forced.Manifest.Image);
        Assert.Empty(PackagedStudents.Siblings(target));
    }

    [Fact]
    public async Task ModelAloneMeansItsProductionVersionAndAnUnknownOneIsNamed()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local);
        await PackagedStudents.RegisterAsync(ws.Workspace, ws.Folder.Path);
        var packager = new ModelPackager(ws.Workspace);

        var missing = await Assert.ThrowsAsync<RaciflowException>(() => packager.PackageAsync(ModelRef.Parse("students"), ws.Folder.File("a"), new PackageOptions()));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
        Assert.Contains("production", missing.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.Folder.File("a")));

        await new ModelRegistry(ws.Workspace).SetAliasAsync("students", 1, "production");
        var result = await packager.PackageAsync(ModelRef.Parse("students"), ws.Folder.File("b"), new PackageOptions());
        Assert.Equal(1, result.Manifest.Version);
    }

    private static async Task BundleIsTheRegistrysAndPredictsTheSameAsync(TestWorkspace ws, ModelVersionDetails version, string target)
    {
        var registry = new ModelRegistry(ws.Workspace);
        using var stored = new MemoryStream();
        await using (var stream = await registry.OpenBundleAsync(version))
        {
            await stream.CopyToAsync(stored);
        }

        var packaged = await File.ReadAllBytesAsync(Path.Combine(target, PackageLayout.Bundle));
        Assert.Equal(stored.ToArray(), packaged);
        Assert.Equal(version.BundleSha256, Convert.ToHexStringLower(SHA256.HashData(packaged)));

        var datasets = new DatasetService(ws.Workspace);
        var frame = await datasets.LoadFrameAsync(await datasets.ResolveAsync(DatasetRef.Parse("students")));
        using var packagedStream = new MemoryStream(packaged);
        var fromPackage = ModelBundle.Load(packagedStream, AlgorithmCatalog.CreateDefault());
        var fromRegistry = await registry.LoadBundleAsync(version);
        var expected = fromRegistry.PredictRaw(frame);
        Assert.Equal(frame.RowCount, expected.Length);
        Assert.Equal(expected, fromPackage.PredictRaw(frame));
    }

    private static async Task ModelFilesAreTheRegistrysAsync(TestWorkspace ws, ModelVersionDetails version, string target)
    {
        var lineage = await new LineageService(ws.Workspace).ForModelAsync(ModelRef.ForVersion("students", version.Version));
        Assert.Equal(ModelCard.Render(lineage, ws.Workspace.Project), await File.ReadAllTextAsync(Path.Combine(target, PackageLayout.ModelCard)));
        var signature = ModelSignature.FromJson(await File.ReadAllTextAsync(Path.Combine(target, PackageLayout.Signature)));
        Assert.Equal(version.Signature.ToJson(), signature.ToJson());
        Assert.Contains(signature.Inputs, f => f.Name == "reading_score");
    }

    private static void DockerfileBuildsFromThePackageAndServesTheBundle(string target, PackageManifest manifest)
    {
        var dockerfile = Dockerfile.Read(Path.Combine(target, PackageLayout.Dockerfile));
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], dockerfile.All("FROM"));

        // Every COPY that reads the build context names files that exist in the package; the last word is the destination.
        var copies = dockerfile.All("COPY").Where(c => !c.StartsWith("--from", StringComparison.Ordinal)).Select(c => c.Split(' ')).ToList();
        Assert.NotEmpty(copies);
        Assert.All(copies.SelectMany(c => c[..^1]), source => Assert.True(
            File.Exists(Path.Combine(target, source)) || Directory.Exists(Path.Combine(target, source)), $"COPY source {source} is not in the package"));
        var ignore = File.ReadAllLines(Path.Combine(target, PackageLayout.DockerIgnore));
        Assert.Contains("!" + PackageLayout.Source, ignore);
        Assert.Contains("!model", ignore);

        var runtime = dockerfile.FinalStage;
        var user = runtime.Single("USER");
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Equal("$APP_UID", user);
        Assert.Equal("8080", runtime.Single("EXPOSE"));
        var healthcheck = runtime.Single("HEALTHCHECK");
        Assert.Contains("CMD [\"dotnet\", \"/app/Raciflow.Cli.dll\", \"probe\", \"http://127.0.0.1:8080/health/ready\"]", healthcheck, StringComparison.Ordinal);
        Assert.DoesNotContain("curl", healthcheck, StringComparison.Ordinal);

        var entrypoint = JsonSerializer.Deserialize<string[]>(runtime.Single("ENTRYPOINT"))!;
        Assert.Equal(
            ["dotnet", "/app/Raciflow.Cli.dll", "serve", "--serve-only", "--bundle", PackageLayout.ImageBundle, "--model", "students", "--model-version", "1", "--host", "0.0.0.0", "--port", "8080"],
            entrypoint);

        // The bundle the entrypoint serves is the package's, copied to where the entrypoint looks.
        var modelCopy = Assert.Single(runtime.All("COPY"), c => c.Contains(PackageLayout.Bundle, StringComparison.Ordinal)).Split(' ');
        Assert.Equal(PackageLayout.ImageModelDirectory + "/", modelCopy[^1]);
        Assert.Equal(PackageLayout.ImageBundle, modelCopy[^1] + Path.GetFileName(PackageLayout.Bundle));
        Assert.Contains("--from=build /app/publish ./", runtime.All("COPY"));
        Assert.Equal("/app", runtime.Single("WORKDIR"));
        Assert.Contains(manifest.Image, File.ReadAllText(Path.Combine(target, PackageLayout.Dockerfile)), StringComparison.Ordinal);

        // The build stage publishes the CLI project that the source snapshot holds.
        var build = dockerfile.Instructions.TakeWhile(i => i != runtime.Instructions[0]).ToList();
        Assert.Contains(("RUN", $"dotnet publish {SourceTree.CliProject} -c Release --no-restore -o /app/publish"), build);
        Assert.True(File.Exists(Path.Combine(target, PackageLayout.Source, SourceTree.CliProject)));
    }

    private static void KubernetesManifestDeploysTheImageWithProbesAndLimits(string target, PackageManifest manifest)
    {
        var documents = LoadYaml(Path.Combine(target, PackageLayout.Kubernetes));
        Assert.Equal(["Deployment", "Service"], documents.Select(d => Text(d, "kind")));
        var deployment = documents[0];
        Assert.Equal("apps/v1", Text(deployment, "apiVersion"));
        Assert.Equal("raciflow-students", Text(deployment, "metadata", "name"));
        Assert.Equal("2", Text(deployment, "spec", "replicas"));
        Assert.Equal("students", Text(deployment, "metadata", "labels", "raciflow.io/model"));
        Assert.Equal("1", Text(deployment, "metadata", "labels", "raciflow.io/model-version"));

        var pod = Node(deployment, "spec", "template");
        var podLabels = (YamlMappingNode)Node(pod, "metadata", "labels");
        var selector = (YamlMappingNode)Node(deployment, "spec", "selector", "matchLabels");
        Assert.All(selector.Children, l => Assert.Equal(l.Value.ToString(), podLabels[l.Key].ToString()));
        Assert.Equal("1", Text(pod, "metadata", "labels", "raciflow.io/model-version"));
        Assert.Equal("true", Text(pod, "spec", "securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", Text(pod, "spec", "securityContext", "runAsUser"));

        var container = Assert.Single(((YamlSequenceNode)Node(pod, "spec", "containers")).Children);
        Assert.Equal(manifest.Image, Text(container, "image"));
        Assert.EndsWith(":v1", Text(container, "image"), StringComparison.Ordinal);
        Assert.Equal("/health/ready", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(container, "livenessProbe", "httpGet", "path"));
        var port = Assert.Single(((YamlSequenceNode)Node(container, "ports")).Children);
        Assert.Equal("8080", Text(port, "containerPort"));
        Assert.Equal(Text(port, "name"), Text(container, "readinessProbe", "httpGet", "port"));
        foreach (var bound in new[] { "requests", "limits" })
        {
            Assert.False(string.IsNullOrEmpty(Text(container, "resources", bound, "cpu")));
            Assert.False(string.IsNullOrEmpty(Text(container, "resources", bound, "memory")));
        }

        Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
        var tmp = Assert.Single(((YamlSequenceNode)Node(container, "volumeMounts")).Children);
        Assert.Equal("/tmp", Text(tmp, "mountPath"));
        Assert.Contains(((YamlSequenceNode)Node(pod, "spec", "volumes")).Children, v => Text(v, "name") == Text(tmp, "name"));

        var service = documents[1];
        Assert.Equal(selector.Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString()),
            ((YamlMappingNode)Node(service, "spec", "selector")).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString()));
        Assert.Equal(Text(port, "name"), Text(Assert.Single(((YamlSequenceNode)Node(service, "spec", "ports")).Children), "targetPort"));
    }

    private static void WorkflowRunsLintTestBuildDeployWithOidcAndNoStoredKeys(string target)
    {
        var path = Path.Combine(target, PackageLayout.Workflow);
        var workflow = Assert.Single(LoadYaml(path));
        var jobs = (YamlMappingNode)Node(workflow, "jobs");
        Assert.Equal(["lint-and-test", "build-and-push", "deploy"], jobs.Children.Keys.Select(k => k.ToString()));
        Assert.Null(Optional(jobs["lint-and-test"], "needs"));
        Assert.Equal("lint-and-test", Text(jobs["build-and-push"], "needs"));
        Assert.Equal("build-and-push", Text(jobs["deploy"], "needs"));

        string Runs(string job) => string.Join('\n', ((YamlSequenceNode)Node(jobs[job], "steps")).Children.Select(s => Optional(s, "run")?.ToString() ?? string.Empty));
        IReadOnlyList<string> Uses(string job) => ((YamlSequenceNode)Node(jobs[job], "steps")).Children.Select(s => Optional(s, "uses")?.ToString()).OfType<string>().ToList();
        Assert.Contains("dotnet format", Runs("lint-and-test"), StringComparison.Ordinal);
        Assert.Contains("--verify-no-changes", Runs("lint-and-test"), StringComparison.Ordinal);
        Assert.Contains("dotnet test", Runs("lint-and-test"), StringComparison.Ordinal);
        Assert.Contains(Uses("build-and-push"), u => u.StartsWith("docker/build-push-action@v", StringComparison.Ordinal));
        var build = ((YamlSequenceNode)Node(jobs["build-and-push"], "steps")).Children.Single(s => Optional(s, "uses")?.ToString().StartsWith("docker/build-push-action", StringComparison.Ordinal) == true);
        Assert.Equal("true", Text(build, "with", "push"));
        Assert.Contains("v$MODEL_VERSION-${GITHUB_SHA::12}", Runs("build-and-push"), StringComparison.Ordinal);
        Assert.Equal("1", Text(workflow, "env", "MODEL_VERSION"));
        Assert.Equal("ghcr.io/acme/raciflow-students", Text(workflow, "env", "IMAGE_REPOSITORY"));

        // Cloud access through OIDC in a protected environment; the manifest it applies is in the package.
        Assert.Equal("write", Text(jobs["deploy"], "permissions", "id-token"));
        Assert.Equal("production", Text(jobs["deploy"], "environment", "name"));
        var aws = ((YamlSequenceNode)Node(jobs["deploy"], "steps")).Children.Single(s => Optional(s, "uses")?.ToString().StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);
        Assert.StartsWith("${{ vars.", Text(aws, "with", "role-to-assume"), StringComparison.Ordinal);
        Assert.Null(Optional(aws, "with", "aws-access-key-id"));
        Assert.Contains("kubectl apply", Runs("deploy"), StringComparison.Ordinal);
        Assert.Contains(PackageLayout.Kubernetes, Runs("deploy"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, PackageLayout.Kubernetes)));
        Assert.All(jobs.Children.Values.SelectMany(j => ((YamlSequenceNode)Node(j, "steps")).Children).Select(s => Optional(s, "uses")?.ToString()).OfType<string>(),
            u => Assert.Matches(@"^[\w.-]+/[\w.-]+@v\d+$", u));

        // No long-lived credential: the only secret read is the job's own, short-lived GITHUB_TOKEN.
        var text = File.ReadAllText(path);
        var secrets = System.Text.RegularExpressions.Regex.Matches(text, @"secrets\.(\w+)").Select(m => m.Groups[1].Value).Distinct();
        Assert.All(secrets, s => Assert.Equal("GITHUB_TOKEN", s));
        Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS_ACCESS_KEY_ID", text, StringComparison.Ordinal);
        Assert.Contains(PackageLayout.Source + "/global.json", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, PackageLayout.Source, "global.json")));
        Assert.True(File.Exists(Path.Combine(target, PackageLayout.Bundle)));
    }

    private static void SourceSnapshotHoldsEveryProjectAndFileTheCliBuildNeeds(string target)
    {
        var source = Path.Combine(target, PackageLayout.Source);
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "src/Raciflow/Raciflow.csproj", "src/Raciflow.Server/Raciflow.Server.csproj", "examples/student-performance/raciflow.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(source, file)), $"{file} is missing from the source snapshot");
        }

        var scanned = SourceTree.Scan(source);
        Assert.Equal(SourceTree.CliProject, scanned.Projects[0]);
        Assert.Equal(3, scanned.Projects.Count);
        Assert.Equal(SourceTree.Scan(RepositoryPaths.Root).Files, scanned.Files);
        Assert.DoesNotContain(Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories), d => Path.GetFileName(d) is "bin" or "obj");
    }

    private static List<YamlNode> LoadYaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    private static YamlNode? Optional(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        Optional(node, path) ?? throw new Xunit.Sdk.XunitException($"YAML has no {string.Join('.', path)}");

    private static string Text(YamlNode node, params string[] path) => Assert.IsType<YamlScalarNode>(Node(node, path)).Value!;
}
