using System.Globalization;
using Raciflow.Tests.Packaging;
using Raciflow.Tests.Support;
using Raciflow.Training;

namespace Raciflow.Tests.Cli;

/// <summary><c>raciflow predict --bundle … --input … --output …</c> scores a file and reports the rows; a missing bundle is a not-found exit.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PredictCommandTests
{
    [Fact]
    public async Task PredictScoresAFileWithABundle()
    {
        using var folder = new TempDirectory();
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows("body_mass_g"), "body_mass_g", "ridge", TaskKind.Regression);
        var bundlePath = Path.Combine(folder.Path, "bundle.zip");
        using (var file = File.Create(bundlePath))
        {
            bundle.Save(file);
        }

        var output = Path.Combine(folder.Path, "scored.csv");
        var result = await CliRunner.RunAsync("predict", "--bundle", bundlePath, "--input", RepositoryPaths.TestData("penguins.csv"), "--output", output, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"rows\": 344", result.Stdout);
        var expected = bundle.PredictRaw(Training.CsvFrames.Load(RepositoryPaths.TestData("penguins.csv")));
        var printed = File.ReadLines(output).Skip(1).Select(l => double.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, printed);
    }

    [Fact]
    public async Task AMissingBundleIsNotFound()
    {
        using var folder = new TempDirectory();
        var result = await CliRunner.RunAsync("predict", "--bundle", Path.Combine(folder.Path, "nope.zip"), "--input", "x.csv", "--output", "y.csv");

        Assert.Equal(ErrorKind.NotFound.ExitCode(), result.ExitCode);
        Assert.Contains("nope.zip", result.Stderr + result.Stdout);
    }
}
