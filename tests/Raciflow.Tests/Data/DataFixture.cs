using System.Text;
using Raciflow.Data;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Data;

/// <summary>Small builders for dataset tests: files to add and a service over a fresh workspace.</summary>
internal static class DataFixture
{
    public static async Task<(TestWorkspace Workspace, DatasetService Service)> CreateAsync(StoreKind kind = StoreKind.Local)
    {
        var ws = await TestWorkspace.CreateAsync(kind);
        return (ws, new DatasetService(ws.Workspace));
    }

    public static string WriteBytes(this TestWorkspace ws, string name, byte[] bytes)
    {
        var path = ws.Folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string WriteUtf8(this TestWorkspace ws, string name, string text) => ws.WriteBytes(name, Encoding.UTF8.GetBytes(text));

    /// <summary>A CSV with a numeric, an integer, a categorical, a date and a boolean column.</summary>
    public static string MixedCsv(int rows, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder("amount,count,colour,day,flag\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(FormattableString.Invariant($"{random.NextDouble() * 100:F3},{random.Next(1000)},{(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue")},2024-01-{(i % 28) + 1:00},{(i % 2 == 0 ? "true" : "false")}\n"));
        }

        return text.ToString();
    }

    public static async Task<int> CountArtifactsAsync(TestWorkspace ws)
    {
        var n = 0;
        await foreach (var _ in ws.Workspace.Artifacts.ListAsync(string.Empty))
        {
            n++;
        }

        return n;
    }
}
