using Raciflow.Packaging;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Packaging;

public sealed class SourceTreeAndImageTests
{
    [Fact]
    public void TheCheckoutIsFoundAboveTheProgramOrNamedByTheSourceOption()
    {
        Assert.Equal(RepositoryPaths.Root, SourceTree.FindRoot(null));
        Assert.Equal(RepositoryPaths.Root, SourceTree.FindRoot(Path.Combine(RepositoryPaths.Root, "src", "..")));

        using var elsewhere = new TempDirectory();
        var error = Assert.Throws<RaciflowException>(() => SourceTree.FindRoot(elsewhere.Path));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("--source", error.Location);
        Assert.Contains(elsewhere.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(SourceTree.SolutionFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSnapshotFollowsProjectReferencesAndFilesIncludedFromOutsideAProject()
    {
        var tree = SourceTree.Scan(RepositoryPaths.Root);

        Assert.Equal(SourceTree.CliProject, tree.Projects[0]);
        Assert.Equal([SourceTree.CliProject, "src/Raciflow.Server/Raciflow.Server.csproj", "src/Raciflow/Raciflow.csproj"], tree.Projects.Order(StringComparer.Ordinal));
        Assert.Contains("examples/student-performance/raciflow.yaml", tree.Files);
        Assert.Contains("src/Raciflow/Packaging/PackageBuilder.cs", tree.Files);
        Assert.Contains("Directory.Packages.props", tree.Files);
        Assert.DoesNotContain(tree.Files, f => f.StartsWith("tests/", StringComparison.Ordinal) || f.StartsWith("bench/", StringComparison.Ordinal));
        Assert.DoesNotContain(tree.Files, f => f.Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')));
    }

    [Theory]
    [InlineData("students", null, null, "raciflow-students:v3", "raciflow-students")]
    [InlineData("Student.Scores__v2", "ghcr.io/acme", null, "ghcr.io/acme/raciflow-student-scores-v2:v3", "raciflow-student-scores-v2")]
    [InlineData("students", "localhost:5000/", "ml/students.api", "localhost:5000/ml/students.api:v3", "students-api")]
    [InlineData("students", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", null, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/raciflow-students:v3", "raciflow-students")]
    public void ImagesAreNamedForTheModelVersionInTheGrammarRegistriesAccept(string model, string? registry, string? image, string expected, string kubernetesName)
    {
        var reference = ImageReference.For(model, 3, registry, image);

        Assert.Equal(expected, reference.ToString());
        Assert.Equal(kubernetesName, reference.KubernetesName);
    }

    [Theory]
    [InlineData("ghcr.io/Acme", null, "--registry")]
    [InlineData("https://ghcr.io/acme", null, "--registry")]
    [InlineData(null, "Students", "--image")]
    [InlineData(null, "students:latest", "--image")]
    [InlineData(null, "-students", "--image")]
    public void InvalidRegistriesAndImageNamesAreNamedInTheError(string? registry, string? image, string field)
    {
        var error = Assert.Throws<RaciflowException>(() => ImageReference.For("students", 1, registry, image));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal(field, error.Location);
        Assert.Contains(registry ?? image!, error.Message, StringComparison.Ordinal);
    }
}
