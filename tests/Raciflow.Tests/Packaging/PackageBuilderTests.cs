using Raciflow.Governance;
using Raciflow.Packaging;
using Raciflow.Registry;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Packaging;

[Trait("Category", TestServices.Integration)]
public sealed class PackageBuilderTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AFailureMidwayLeavesNoFolderAndKeepsAnExistingPackageIntact(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        var version = await PackagedStudents.RegisterAsync(ws.Workspace, ws.Folder.Path);
        var bytes = await BundleBytesAsync(ws, version);
        var target = ws.Folder.File("pkg");

        // The artifact store connection drops halfway through the bundle.
        var dropped = await Assert.ThrowsAsync<IOException>(() => PackageBuilder.BuildAsync(version, new FailingStream(bytes, bytes.Length / 2), target, new PackageOptions()));
        Assert.Contains("connection reset", dropped.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(PackagedStudents.Siblings(target));

        // A stored copy that does not hash to the registry's record is refused, naming both hashes.
        var damaged = (byte[])bytes.Clone();
        damaged[^10] ^= 0xFF;
        var refused = await Assert.ThrowsAsync<RaciflowException>(() => PackageBuilder.BuildAsync(version, new MemoryStream(damaged), target, new PackageOptions()));
        Assert.Equal(ErrorKind.Unprocessable, refused.Kind);
        Assert.Contains(version.BundleSha256, refused.Message, StringComparison.Ordinal);
        Assert.Contains(version.Label, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(PackagedStudents.Siblings(target));

        // With --force, a failed rebuild leaves the previous package exactly as it was.
        await PackageBuilder.BuildAsync(version, new MemoryStream(bytes), target, new PackageOptions());
        var before = Snapshot(target);
        await Assert.ThrowsAsync<IOException>(() => PackageBuilder.BuildAsync(version, new FailingStream(bytes, 100), target, new PackageOptions { Force = true }));
        Assert.Equal(before, Snapshot(target));
        Assert.Empty(PackagedStudents.Siblings(target));
    }

    [Fact]
    public async Task TheManifestRecordsTheClocksTimeAndTheVersionGiven()
    {
        using var ws = await TestWorkspace.CreateAsync(StoreKind.Local);
        var version = await PackagedStudents.RegisterAsync(ws.Workspace, ws.Folder.Path);
        var clock = new ManualClock(new DateTimeOffset(2031, 5, 4, 3, 2, 1, TimeSpan.Zero));

        var result = await PackageBuilder.BuildAsync(
            version, new MemoryStream(await BundleBytesAsync(ws, version)), ws.Folder.File("p"), new PackageOptions { Clock = clock, RaciflowVersion = "9.8.7", ImageName = "ml/students-api" });

        var manifest = PackageManifest.FromJson(await File.ReadAllTextAsync(Path.Combine(result.Directory, PackageManifest.FileName)));
        Assert.Equal(clock.Now, manifest.Created);
        Assert.Equal("9.8.7", manifest.RaciflowVersion);
        Assert.Equal("ml/students-api:v1", manifest.Image);
        Assert.Contains("name: students-api\n", await File.ReadAllTextAsync(Path.Combine(result.Directory, PackageLayout.Kubernetes)), StringComparison.Ordinal);

        // An ECR registry is pushed to through OIDC as well: the workflow then reads no secret at all.
        var ecr = await PackageBuilder.BuildAsync(
            version, new MemoryStream(await BundleBytesAsync(ws, version)), ws.Folder.File("e"), new PackageOptions { Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com" });
        var workflow = await File.ReadAllTextAsync(Path.Combine(ecr.Directory, PackageLayout.Workflow));
        Assert.Contains("uses: aws-actions/amazon-ecr-login@v2", workflow, StringComparison.Ordinal);
        Assert.Contains("role-to-assume: ${{ vars.AWS_PUSH_ROLE_ARN }}", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.", workflow, StringComparison.Ordinal);
        Assert.Equal(2, workflow.Split("id-token: write").Length - 1);
    }

    [Fact]
    public async Task AnOutputPathThatIsAFileIsRefused()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("taken", "x");
        var version = new ModelVersionDetails
        {
            Model = "m", Version = 1, RunId = "r", Algorithm = "linear", Task = Raciflow.Training.TaskKind.Regression, Target = "y", Metrics = new Dictionary<string, double>(),
            Signature = new ModelSignature { Inputs = [], Task = Raciflow.Training.TaskKind.Regression, Target = "y", Classes = [] }, BundleKey = "k", BundleSha256 = "0", Aliases = [], CreatedBy = "t",
        };

        var error = await Assert.ThrowsAsync<RaciflowException>(() => PackageBuilder.BuildAsync(version, new MemoryStream(), file, new PackageOptions()));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal("--out", error.Location);
        Assert.Equal("x", await File.ReadAllTextAsync(file));
    }

    private static async Task<byte[]> BundleBytesAsync(TestWorkspace ws, ModelVersionDetails version)
    {
        await using var stream = await new ModelRegistry(ws.Workspace).OpenBundleAsync(version);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
