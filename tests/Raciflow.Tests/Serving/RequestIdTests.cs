using Raciflow.Serving;

namespace Raciflow.Tests.Serving;

public sealed class RequestIdTests
{
    [Fact]
    public void ANewRequestIdIs32LowercaseHexDigits()
    {
        Assert.Matches("^[0-9a-f]{32}$", RequestIds.New());
    }

    [Fact]
    public void RequestIdsMadeOnManyThreadsAtOnceAreAllDifferent()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                ids.Add(RequestIds.New());
            }
        });

        Assert.Equal(200_000, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
