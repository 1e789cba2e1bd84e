using System.Text;
using Raciflow.Data;
using Raciflow.Registry;
using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Tests.Serving.Inputs;

public sealed class PredictionInputParserTests
{
    private static readonly SignatureValidator Validator = new(new ModelSignature
    {
        Task = TaskKind.Regression,
        Target = "score",
        Classes = [],
        Inputs =
        [
            new SignatureField { Name = "lunch", Type = ColumnType.Categorical, Categories = ["standard", "free/reduced", "café"] },
            new SignatureField { Name = "reading", Type = ColumnType.Numeric, Min = 0, Max = 100 },
        ],
    });

    private static ParsedInput Parse(string json) => PredictionInputParser.ParseJson(Encoding.UTF8.GetBytes(json), Validator);

    [Fact]
    public void AKnownCategoryComesBackAsTheSignaturesOwnString()
    {
        var parsed = Parse("""{"lunch":"standard","reading":72}""");

        Assert.True(parsed.IsValid);
        Assert.Same(Validator.Inputs[0].Categories![0], parsed.Rows[0]["lunch"]);
        Assert.Equal(72.0, parsed.Rows[0]["reading"]);
    }

    [Fact]
    public void EscapedNamesAndValuesAndNonAsciiTextAreReadAsTheirCharacters()
    {
        var parsed = Parse("""{"\u006cunch":"free\/reduced","reading":1}""");
        var accented = Parse("""{"lunch":"café","reading":1}""");

        Assert.True(parsed.IsValid);
        Assert.Equal("free/reduced", parsed.Rows[0]["lunch"]);
        Assert.Same(Validator.Inputs[0].Categories![2], accented.Rows[0]["lunch"]);
        Assert.Empty(accented.Notes);
    }

    [Fact]
    public void AnUnseenCategoryIsKeptAsSentAndNoted()
    {
        var parsed = Parse("""{"lunch":"picnic","reading":50}""");

        Assert.True(parsed.IsValid);
        Assert.Equal("picnic", parsed.Rows[0]["lunch"]);
        Assert.Equal(("lunch", InputNote.UnseenCategory), (parsed.Notes.Single().Field, parsed.Notes.Single().Kind));
    }

    [Fact]
    public void UnknownAndMissingFieldsAreEachAProblemWithTheirPath()
    {
        var single = Parse("""{"lunch":"standard","writing":3}""");
        var array = Parse("""[{"lunch":"standard","reading":1},{"reading":2,"extra":true}]""");

        Assert.Equal(["reading", "writing"], single.Problems.Select(p => p.Field).Order());
        Assert.Equal(["[1].extra", "[1].lunch"], array.Problems.Select(p => p.Field).Order());
    }

    [Fact]
    public void ProblemsNameTheCellOrElementTheyAreIn()
    {
        var csv = PredictionInputParser.ParseCsv("lunch,reading\nstandard,1\nstandard,abc\n", Validator);
        var instances = Parse("""{"instances":[{"lunch":"standard","reading":1},{"lunch":3,"reading":2}]}""");

        Assert.Equal("row 2, column reading", csv.Problems.Single().Field);
        Assert.Equal("instances[1].lunch", instances.Problems.Single().Field);
    }

    [Fact]
    public void WhenANameRepeatsTheLastValueWins()
    {
        var parsed = Parse("""{"reading":1,"lunch":"standard","reading":2}""");

        Assert.True(parsed.IsValid);
        Assert.Equal(2.0, parsed.Rows[0]["reading"]);
    }

    [Fact]
    public void BodiesThatAreNotJsonOrTooDeepAreMalformed()
    {
        Assert.Contains("not valid JSON", Parse("""{"lunch": """).Malformed, StringComparison.Ordinal);
        Assert.NotNull(Parse(new string('[', 20) + new string(']', 20)).Malformed);
        Assert.Contains("empty", Parse("  \n").Malformed, StringComparison.Ordinal);
    }
}
