using Raciflow.Packaging.Onnx;
using Raciflow.Tests.Support;
using Raciflow.Training;

namespace Raciflow.Tests.Packaging.Onnx;

/// <summary>
/// Every algorithm of the catalog, for every task it supports, is either exported to an ONNX file that ONNX
/// Runtime scores like the bundle (to 1e-4, unseen categories and missing values included), or refused with a
/// reason naming it; and docs/packaging.md says which, so the documentation table stays true.
/// </summary>
public sealed class OnnxExporterTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string, TaskKind> AlgorithmsAndTasks()
    {
        var data = new TheoryData<string, TaskKind>();
        foreach (var algorithm in AlgorithmCatalog.CreateDefault().All.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            foreach (var task in algorithm.Tasks.Order())
            {
                data.Add(algorithm.Name, task);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndTasks))]
    public void ExportedModelsScoreLikeTheBundleAndTheDocsSaySo(string algorithm, TaskKind task)
    {
        var target = TargetFor(task);
        var bundle = BundleFactory.Train(PackagingFrames.TrainingRows(target), target, algorithm, task);
        using var buffer = new MemoryStream();
        var result = OnnxExporter.TryExport(bundle, buffer);

        Assert.True(result.Exported == OnnxSupportTable.Read()[(algorithm, task)], $"docs/packaging.md says {algorithm} {task} export is {(result.Exported ? "not " : string.Empty)}supported; the exporter says: {result.Reason ?? "exported"}");
        if (!result.Exported)
        {
            Assert.StartsWith($"algorithm {algorithm}: not supported because ", result.Reason);
            Assert.Equal(0, buffer.Length);
            return;
        }

        var rows = PackagingFrames.WithProbes();
        var expected = bundle.PredictRaw(rows);
        var (actual, labels) = OnnxScoring.Score(buffer.ToArray(), bundle, rows);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance * Math.Max(1, Math.Abs(expected[i])), $"{algorithm} {task} output {i}: bundle {expected[i]}, ONNX {actual[i]}");
        }

        if (task != TaskKind.Regression)
        {
            var predictions = bundle.Predict(rows);
            for (var r = 0; r < rows.RowCount; r++)
            {
                Assert.Equal(predictions[r].Label, labels[r]);
            }
        }
    }

    [Fact]
    public void TheDocsTableListsEveryAlgorithmAndTaskOfTheCatalog()
    {
        var expected = AlgorithmCatalog.CreateDefault().All.SelectMany(a => a.Tasks.Select(t => (a.Name, t))).Order().ToList();
        Assert.Equal(expected, OnnxSupportTable.Read().Keys.Order().ToList());
    }

    [Fact]
    public void ADateColumnIsRefusedWithTheColumnNamed()
    {
        var frame = Training.CsvFrames.Load(RepositoryPaths.TestData("seattle-weather.csv"));
        var bundle = BundleFactory.Train(frame, "weather", "decision-tree", TaskKind.Multiclass);
        using var buffer = new MemoryStream();
        var result = OnnxExporter.TryExport(bundle, buffer);

        Assert.False(result.Exported);
        Assert.Contains("column 'date'", result.Reason);
    }

    internal static string TargetFor(TaskKind task) => task switch
    {
        TaskKind.Regression => "body_mass_g",
        TaskKind.Binary => "sex",
        _ => "species",
    };
}
