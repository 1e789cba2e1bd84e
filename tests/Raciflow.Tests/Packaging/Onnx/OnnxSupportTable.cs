using Raciflow.Tests.Support;
using Raciflow.Training;

namespace Raciflow.Tests.Packaging.Onnx;

/// <summary>
/// Reads the ONNX support table of docs/packaging.md: rows <c>| `algorithm` | regression | binary | multiclass |</c>
/// with "yes", "no" or "—" (the algorithm does not do that task).
/// </summary>
internal static class OnnxSupportTable
{
    private static readonly TaskKind[] Columns = [TaskKind.Regression, TaskKind.Binary, TaskKind.Multiclass];

    public static IReadOnlyDictionary<(string Algorithm, TaskKind Task), bool> Read()
    {
        var table = new Dictionary<(string, TaskKind), bool>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "docs", "packaging.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var algorithm = cells[0].Trim('`');
            for (var i = 0; i < Columns.Length; i++)
            {
                if (cells[i + 1] is "yes" or "no")
                {
                    table[(algorithm, Columns[i])] = cells[i + 1] == "yes";
                }
            }
        }

        return table;
    }
}
