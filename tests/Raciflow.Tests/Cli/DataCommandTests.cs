using System.Text.Json;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Cli;

[Collection("Console")]
public sealed class DataCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task DataAddPrintsTheVersionAndSaysUnchangedWhenDeduplicated()
    {
        var file = RepositoryPaths.TestData("penguins.csv");

        var (code, stdout) = await RunJsonAsync("data", "add", file, "--name", "penguins");
        var (againCode, again) = await RunJsonAsync("data", "add", file, "--name", "penguins");

        Assert.Equal(0, code);
        Assert.True(stdout.GetProperty("created").GetBoolean());
        var version = stdout.GetProperty("version");
        Assert.Equal(1, version.GetProperty("number").GetInt32());
        Assert.Equal("penguins@1", version.GetProperty("label").GetString());
        Assert.Equal(344, version.GetProperty("rows").GetInt64());
        Assert.Equal(7, version.GetProperty("columns").GetInt32());
        Assert.StartsWith("9f95ebf4f182", version.GetProperty("hash").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, againCode);
        Assert.False(again.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task DataListShowAndDiffDescribeTheVersions()
    {
        var original = RepositoryPaths.TestData("penguins.csv");
        var edited = _dir.Write("penguins-more.csv", File.ReadAllText(original) + "Gentoo,Biscoe,50.0,15.0,220,5000,FEMALE\n");
        await RunJsonAsync("data", "add", original, "--name", "penguins");
        await RunJsonAsync("data", "add", edited, "--name", "penguins");

        var (listCode, list) = await RunJsonAsync("data", "list");
        var (showCode, show) = await RunJsonAsync("data", "show", "penguins@1");
        var (diffCode, diff) = await RunJsonAsync("data", "diff", "penguins@1", "penguins@2");

        Assert.Equal((0, 0, 0), (listCode, showCode, diffCode));
        var dataset = Assert.Single(list.GetProperty("datasets").EnumerateArray());
        Assert.Equal(2, dataset.GetProperty("versions").GetInt32());
        Assert.Equal(2, dataset.GetProperty("latest").GetProperty("number").GetInt32());

        var columns = show.GetProperty("schema").EnumerateArray().ToList();
        Assert.Equal("beak_length_mm", columns[2].GetProperty("name").GetString());
        Assert.Equal("numeric", columns[2].GetProperty("type").GetString());
        var beak = show.GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "beak_length_mm");
        Assert.Equal(2, beak.GetProperty("missing").GetInt64());
        Assert.Equal(59.6, beak.GetProperty("max").GetDouble());

        Assert.Equal(344, diff.GetProperty("fromRows").GetInt64());
        Assert.Equal(345, diff.GetProperty("toRows").GetInt64());
        Assert.Empty(diff.GetProperty("addedColumns").EnumerateArray());
    }

    [Fact]
    public async Task ErrorsAreJsonWithTheirExitCodes()
    {
        var (missingCode, missing) = await RunJsonAsync("data", "add", _dir.File("absent.csv"), "--name", "x");
        var (unknownCode, unknown) = await RunJsonAsync("data", "show", "nope@2");
        var (ragged, raggedJson) = await RunJsonAsync("data", "add", _dir.Write("r.csv", "a,b\n1\n"), "--name", "r");
        var (unreachable, unreachableJson) = await RunJsonAsync("data", "list", "--store", "postgres://u:secret@127.0.0.1:1/none");

        Assert.Equal(4, missingCode);
        Assert.Equal("not-found", missing.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("absent.csv", missing.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, unknownCode);
        Assert.Contains("'nope'", unknown.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, ragged);
        Assert.Contains("line 2", raggedJson.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(8, unreachable);
        Assert.DoesNotContain("secret", unreachableJson.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private async Task<(int Code, JsonElement Json)> RunJsonAsync(params string[] args)
    {
        string[] stores = args.Contains("--store") ? [] : ["--store", "sqlite:.raciflow/raciflow.db", "--artifacts", "file:.raciflow/artifacts"];
        var (code, stdout) = await ConsoleCapture.RunAsync([.. args, "--json", "-C", _dir.Path, .. stores]);
        using var document = JsonDocument.Parse(stdout);
        return (code, document.RootElement.Clone());
    }
}
