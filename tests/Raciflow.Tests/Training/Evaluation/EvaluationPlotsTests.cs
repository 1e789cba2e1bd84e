using System.Text;
using Raciflow.Training.Evaluation;

namespace Raciflow.Tests.Training.Evaluation;

public sealed class EvaluationPlotsTests
{
    [Fact]
    public void ChartsRenderAsSvgAndPng()
    {
        var curve = RocCurve.Compute("yes", [0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        var files = new[]
        {
            EvaluationPlots.PredictedVsActual([1, 2, 3], [1.1, 1.9, 3.2]),
            EvaluationPlots.Residuals([1, 2, 3], [1.1, 1.9, 3.2]),
            EvaluationPlots.ConfusionMatrix([[5, 1], [2, 7]], ["no", "yes"]),
            EvaluationPlots.Roc([curve]),
        };
        Assert.Equal(["predicted-vs-actual.svg", "residuals.svg", "confusion-matrix.svg", "roc.svg"], files.Select(f => f.Name));
        foreach (var file in files)
        {
            Assert.Contains("<svg", Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        }

        Assert.Contains("AUC 0.750", Encoding.UTF8.GetString(files[3].Content), StringComparison.Ordinal);
        var png = EvaluationPlots.ConfusionMatrix([[5, 1], [2, 7]], ["no", "yes"], PlotFormat.Png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Content.Take(4));
    }
}
