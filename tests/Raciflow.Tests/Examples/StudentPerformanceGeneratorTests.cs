using System.Globalization;
using Raciflow.Cli.Examples;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Examples;

[Collection(ConsoleCollection.Name)]
public sealed class StudentPerformanceGeneratorTests
{
    [Fact]
    public void TheBundledCsvIsExactlyWhatTheSeededGeneratorWrites()
    {
        var bundled = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "student-performance", "data", "students.csv"));
        Assert.Equal(StudentPerformanceGenerator.GenerateCsv(), bundled);
    }

    [Fact]
    public void TheDataHasTheStructureOfTheExamScoresProblem()
    {
        var rows = StudentPerformanceGenerator.GenerateCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')).ToList();
        Assert.Equal(1000, rows.Count);
        var math = rows.Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)).ToArray();
        var reading = rows.Select(r => double.Parse(r[6], CultureInfo.InvariantCulture)).ToArray();
        var writing = rows.Select(r => double.Parse(r[7], CultureInfo.InvariantCulture)).ToArray();

        Assert.All(math.Concat(reading).Concat(writing), s => Assert.InRange(s, 0, 100));
        Assert.InRange(Correlation(reading, writing), 0.9, 0.99);
        Assert.InRange(Correlation(math, reading), 0.75, 0.9);
        Assert.InRange(Correlation(math, writing), 0.75, 0.9);

        double MeanMath(Func<string[], bool> where) => rows.Where(where).Average(r => double.Parse(r[5], CultureInfo.InvariantCulture));
        Assert.InRange(MeanMath(r => r[3] == "standard") - MeanMath(r => r[3] == "free/reduced"), 8, 15);
        Assert.InRange(MeanMath(r => r[4] == "completed") - MeanMath(r => r[4] == "none"), 2, 9);
        Assert.Equal(5, rows.Select(r => r[1]).Distinct().Count());
        Assert.Equal(6, rows.Select(r => r[2]).Distinct().Count());
    }

    [Fact]
    public void TheSameSeedGivesTheSameDataAndAnotherSeedDifferentData()
    {
        Assert.Equal(StudentPerformanceGenerator.GenerateCsv(200, 7), StudentPerformanceGenerator.GenerateCsv(200, 7));
        Assert.NotEqual(StudentPerformanceGenerator.GenerateCsv(200, 7), StudentPerformanceGenerator.GenerateCsv(200, 8));
    }

    [Fact]
    public async Task TheExamplesCommandWritesTheCsvAndReportsItAsJson()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync("examples", "student-performance", "--out", dir.File("s.csv"), "--rows", "10", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, result.Json.GetProperty("rows").GetInt32());
        Assert.Equal(11, File.ReadAllLines(dir.File("s.csv")).Length);
    }

    private static double Correlation(double[] a, double[] b)
    {
        var ma = a.Average();
        var mb = b.Average();
        var cov = a.Zip(b, (x, y) => (x - ma) * (y - mb)).Sum();
        return cov / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(y => (y - mb) * (y - mb)));
    }
}
