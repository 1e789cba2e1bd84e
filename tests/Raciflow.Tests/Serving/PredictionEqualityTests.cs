using System.Globalization;
using System.Text.Json;
using Raciflow.Data;
using Raciflow.Serving.Batch;
using Raciflow.Tests.Packaging.Onnx;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Serving;

[Trait("Category", TestServices.Integration)]
public sealed class PredictionEqualityTests
{
    [Fact]
    public async Task TheBundleTheServerBatchScoringAndOnnxGiveTheSameNumbers()
    {
        await using var server = await ServingServer.StartAsync();
        var datasets = new DatasetService(server.Workspace.Workspace);
        var frame = await datasets.LoadFrameAsync(await datasets.ResolveAsync(DatasetRef.Parse("students")));
        var rows = frame.Take(Enumerable.Range(0, 25).ToList());
        var inputs = server.Linear.InputSchema.Select(c => c.Name).ToList();
        var bundle = server.Linear.PredictRaw(rows);

        // The server, given the same rows as JSON.
        var instances = Enumerable.Range(0, rows.RowCount).Select(r => inputs.ToDictionary(c => c, c => Json(rows[c], r))).ToList();
        var answer = await PredictEndpointTests.PostJsonAsync(server, "/api/v1/models/students/versions/1/predict", new { instances });
        var served = Enumerable.Range(0, rows.RowCount).Select(r => PredictEndpointTests.Value(answer, r)).ToArray();

        // Batch scoring of the same rows from a CSV file.
        var input = Path.Combine(server.Workspace.Folder.Path, "rows.csv");
        var output = Path.Combine(server.Workspace.Folder.Path, "scored.csv");
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, rows.RowCount).Select(r => string.Join(",", inputs.Select(c => rows[c].Format(r))))
            .Prepend(string.Join(",", inputs)));
        await BatchScorer.ScoreAsync(server.Linear, input, output);
        var header = File.ReadLines(output).First().Split(',');
        var column = Array.IndexOf(header, "prediction");
        var batch = File.ReadLines(output).Skip(1).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)).ToArray();

        // The ONNX export of the same bundle, scored by ONNX Runtime.
        var onnx = OnnxScoring.Score(OnnxScoring.Export(server.Linear), server.Linear, rows).Raw;

        for (var r = 0; r < rows.RowCount; r++)
        {
            Assert.Equal(bundle[r], served[r], 9);
            Assert.Equal(bundle[r], batch[r], 9);
            Assert.Equal(bundle[r], onnx[r], 4);
        }
    }

    private static object? Json(FrameColumn column, int row) => column switch
    {
        NumericColumn n => double.IsNaN(n.Values[row]) ? null : n.Values[row],
        _ => column.Format(row),
    };
}
