using Raciflow.Tracking;
using Raciflow.Tracking.Search;

namespace Raciflow.Tests.Tracking;

public sealed class RunFilterTests
{
    [Fact]
    public void TheDocumentedExampleParsesIntoFourClauses()
    {
        var filter = RunFilter.Parse("metrics.r2 > 0.8 and params.algorithm = 'lasso' and tags.x != 'y' and status = 'finished'");

        Assert.Equal(
            [
                new RunFilterClause(RunFilterSubject.Metric, "r2", RunFilterOperator.Greater, "0.8", 0.8, 1),
                new RunFilterClause(RunFilterSubject.Param, "algorithm", RunFilterOperator.Equal, "lasso", null, 22),
                new RunFilterClause(RunFilterSubject.Tag, "x", RunFilterOperator.NotEqual, "y", null, 53),
                new RunFilterClause(RunFilterSubject.Attribute, RunAttributes.Status, RunFilterOperator.Equal, "finished", null, 71),
            ],
            filter.Clauses);
    }

    [Theory]
    [InlineData("metrics.rmse <= 1e-3", RunFilterOperator.LessOrEqual, 0.001)]
    [InlineData("metric.rmse>=-2.5", RunFilterOperator.GreaterOrEqual, -2.5)]
    [InlineData("metrics.rmse == 3", RunFilterOperator.Equal, 3.0)]
    [InlineData("metrics.rmse <> .5", RunFilterOperator.NotEqual, 0.5)]
    [InlineData("METRICS.rmse < 10", RunFilterOperator.Less, 10.0)]
    public void MetricComparisonsReadEveryOperatorAndNumberForm(string text, RunFilterOperator op, double number)
    {
        var clause = Assert.Single(RunFilter.Parse(text).Clauses);
        Assert.Equal(RunFilterSubject.Metric, clause.Subject);
        Assert.Equal("rmse", clause.Key);
        Assert.Equal(op, clause.Operator);
        Assert.Equal(number, clause.Number);
    }

    [Fact]
    public void QuotedKeysQuotedQuotesAndPatternsAreRead()
    {
        var filter = RunFilter.Parse("params.`learning rate` = \"0.1\" AND tags.note LIKE 'it''s%' and name ilike 'RUN-%' and start_time >= '2026-01-01T00:00:00Z'");

        Assert.Equal("learning rate", filter.Clauses[0].Key);
        Assert.Equal("0.1", filter.Clauses[0].Text);
        Assert.Equal("it's%", filter.Clauses[1].Text);
        Assert.Equal(RunFilterOperator.Like, filter.Clauses[1].Operator);
        Assert.Equal((RunFilterSubject.Attribute, RunAttributes.Name, RunFilterOperator.ILike), (filter.Clauses[2].Subject, filter.Clauses[2].Key, filter.Clauses[2].Operator));
        Assert.Equal(RunAttributes.StartTime, filter.Clauses[3].Key);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData(null, 0)]
    public void AnEmptyFilterMatchesEverything(string? text, int clauses) =>
        Assert.Equal(clauses, RunFilter.Parse(text).Clauses.Count);

    [Theory]
    [InlineData("metrics.r2 > x", 14, "expected a number or a quoted text")]
    [InlineData("metrics.r2 0.8", 12, "expected a comparison")]
    [InlineData("metrics.r2 > 0.8 or status = 'failed'", 18, "'or' is not supported")]
    [InlineData("metrics.r2 > 0.8 and", 21, "expected metrics.KEY")]
    [InlineData("params.alpha > '1'", 14, "compares numbers, but params.alpha is text")]
    [InlineData("metrics.r2 like '1%'", 12, "compares text, but metrics.r2 is a number")]
    [InlineData("metrics.r2 = 'high'", 14, "is a number, so compare it with a number")]
    [InlineData("status = 'done'", 10, "not a run status")]
    [InlineData("colour = 'red'", 1, "unknown field 'colour'")]
    [InlineData("foo.bar = 'red'", 1, "prefix must be metrics.")]
    [InlineData("metrics. > 1", 9, "names no key")]
    [InlineData("tags.x = 'open", 10, "no closing '")]
    [InlineData("tags.x ! 'y'", 8, "'!' must be followed by '='")]
    [InlineData("tags.x = 'y' ; drop table runs", 14, "unexpected character ';'")]
    [InlineData("start_time > 'yesterday'", 14, "is a time")]
    public void MistakesAreInvalidInputNamingTheirPosition(string text, int position, string problem)
    {
        var ex = Assert.Throws<RaciflowException>(() => RunFilter.Parse(text));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains($"position {position}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Equal($"filter:{position}", ex.Location);
    }

    [Fact]
    public void SortKeysReadDirectionsAndDefaultToNewestFirst()
    {
        var order = RunOrder.Parse("metrics.r2 desc, params.alpha, start_time asc");

        Assert.Equal(
            [
                new RunOrderKey(RunFilterSubject.Metric, "r2", true),
                new RunOrderKey(RunFilterSubject.Param, "alpha", false),
                new RunOrderKey(RunFilterSubject.Attribute, RunAttributes.StartTime, false),
            ],
            order.Keys);
        Assert.Equal([new RunOrderKey(RunFilterSubject.Attribute, RunAttributes.StartTime, true)], RunOrder.Parse(null).Keys);
    }

    [Theory]
    [InlineData("metrics.r2 downwards", 12)]
    [InlineData("bogus desc", 1)]
    [InlineData("metrics.r2 desc,", 17)]
    public void BadSortsNameTheirPosition(string text, int position)
    {
        var ex = Assert.Throws<RaciflowException>(() => RunOrder.Parse(text));
        Assert.Contains($"sort at position {position}:", ex.Message, StringComparison.Ordinal);
    }
}
