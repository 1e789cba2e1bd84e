using Raciflow.Monitoring.Feedback;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Tests.Support;
using static Raciflow.Tests.Monitoring.PredictionLog.PredictionRecords;

namespace Raciflow.Tests.Monitoring.Feedback;

/// <summary>Recording ground truth: keys must name logged predictions, bad rows are named, a key seen again updates.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class FeedbackServiceTests
{
    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task FeedbackForLoggedRequestIdsIsStoredAndALaterValueForTheSameKeyWins(StoreKind kind)
    {
        using var ws = await LoggedAsync(kind);
        var service = new FeedbackService(ws.Workspace);

        var first = await service.RecordAsync("house-prices", [new("r1", "11"), new("r2", "19", Day1.AddDays(2))]);
        var second = await service.RecordAsync("house-prices", [new("r2", "21"), new("r3", "5"), new("r3", "31")]);

        Assert.Equal(new FeedbackResult("house-prices", "request_id", 2, 0), first);
        Assert.Equal(new FeedbackResult("house-prices", "request_id", 1, 1), second);
        var stored = (await service.ListAsync("house-prices")).ToDictionary(f => f.KeyValue);
        Assert.Equal(["11", "21", "31"], new[] { "r1", "r2", "r3" }.Select(k => stored[k].Actual));
        Assert.All(stored.Values, f => Assert.Equal("tester", f.RecordedBy));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ABatchWithUnknownRequestIdsOrBadValuesIsRejectedWholeNamingEachRow(StoreKind kind)
    {
        using var ws = await LoggedAsync(kind);
        var service = new FeedbackService(ws.Workspace);

        var error = await Assert.ThrowsAsync<RaciflowException>(() => service.RecordAsync("house-prices", [new("r1", "11"), new("nope", "3"), new("r2", "many"), new(" ", "1"), new("r3", "")]));

        Assert.Equal(ErrorKind.Unprocessable, error.Kind);
        Assert.Equal(4, error.Details.Count);
        Assert.Contains("row 2: request id 'nope' was never logged for model 'house-prices'", error.Details[0], StringComparison.Ordinal);
        Assert.Contains("row 3 (request id 'r2'): actual 'many' is not a number", error.Details[1], StringComparison.Ordinal);
        Assert.StartsWith("row 4:", error.Details[2], StringComparison.Ordinal);
        Assert.StartsWith("row 5 (request id 'r3'): the actual value is empty", error.Details[3], StringComparison.Ordinal);
        Assert.Empty(await service.ListAsync("house-prices"));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task ADeclaredKeyColumnIdentifiesPredictionsByAnInputValue(StoreKind kind)
    {
        using var ws = await TestWorkspace.CreateAsync(kind);
        await using (var logger = new PredictionLogger(ws.Workspace, Fast()))
        {
            await LogAsync(logger, Binary("b1", Day1, 0.9, customer: "anna"), Binary("b2", Day1.AddSeconds(1), 0.1, customer: "bo"));
        }

        var service = new FeedbackService(ws.Workspace);
        var result = await service.RecordAsync("churn", [new("anna", "yes"), new("bo", "yes")], keyColumn: "customer");
        Assert.Equal(new FeedbackResult("churn", "customer", 2, 0), result);

        var unknown = await Assert.ThrowsAsync<RaciflowException>(() => service.RecordAsync("churn", [new("carl", "no")], keyColumn: "customer"));
        Assert.Contains("row 1: key 'customer' 'carl' was never logged", unknown.Details[0], StringComparison.Ordinal);
        var noSuchColumn = await Assert.ThrowsAsync<RaciflowException>(() => service.RecordAsync("churn", [new("anna", "no")], keyColumn: "email"));
        Assert.Equal(ErrorKind.Invalid, noSuchColumn.Kind);
        Assert.Contains("customer, tenure", noSuchColumn.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackForAModelWithoutLoggedPredictionsIsNotFound()
    {
        using var ws = await TestWorkspace.CreateAsync();
        var error = await Assert.ThrowsAsync<RaciflowException>(() => new FeedbackService(ws.Workspace).RecordAsync("ghost", [new("r1", "1")]));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<TestWorkspace> LoggedAsync(StoreKind kind)
    {
        var ws = await TestWorkspace.CreateAsync(kind);
        await using var logger = new PredictionLogger(ws.Workspace, Fast());
        await LogAsync(logger, Regression("r1", Day1, 10), Regression("r2", Day1.AddHours(1), 20), Regression("r3", Day1.AddHours(2), 30));
        return ws;
    }
}
