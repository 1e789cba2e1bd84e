using Raciflow.Serving.Batch;

namespace Raciflow.Tests.Serving.Batch;

public sealed class CategoryStringsTests
{
    [Fact]
    public void EqualCellsShareOneStringAndMissingTokensAreNull()
    {
        var strings = new CategoryStrings();
        var first = strings.Text("red,blue".AsSpan(0, 3));
        var second = strings.Text("a red".AsSpan(2));

        Assert.Equal("red", first);
        Assert.Same(first, second);
        Assert.Null(strings.Text("NA"));
        Assert.Null(strings.Text(" "));
        Assert.Equal("blue", strings.Text("blue"));
    }

    [Fact]
    public void ValuesPastTheDistinctLimitAreStillReadExactly()
    {
        var strings = new CategoryStrings();
        for (var i = 0; i < CategoryStrings.MaxDistinct + 100; i++)
        {
            Assert.Equal($"id-{i}", strings.Text($"id-{i}"));
        }

        Assert.Equal("id-5", strings.Text("id-5"));
        Assert.Equal($"id-{CategoryStrings.MaxDistinct + 50}", strings.Text($"id-{CategoryStrings.MaxDistinct + 50}"));
    }
}
