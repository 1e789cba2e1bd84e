using Raciflow.Data.Profiling;
using static Raciflow.Tests.Data.Support.Frames;

namespace Raciflow.Tests.Data;

public sealed class PairwiseMeasuresTests
{
    /// <summary>Builds two label columns from a 2×2 contingency table [[a, b], [c, d]].</summary>
    private static (Raciflow.Data.FrameColumn X, Raciflow.Data.FrameColumn Y) Table(int a, int b, int c, int d)
    {
        var x = new List<string?>();
        var y = new List<string?>();
        void Add(string xv, string yv, int n)
        {
            x.AddRange(Enumerable.Repeat<string?>(xv, n));
            y.AddRange(Enumerable.Repeat<string?>(yv, n));
        }

        Add("x1", "y1", a);
        Add("x1", "y2", b);
        Add("x2", "y1", c);
        Add("x2", "y2", d);
        return (Labels("x", [.. x]), Labels("y", [.. y]));
    }

    [Fact]
    public void CramersVOfATwoByTwoTableIsTheAbsolutePhiCoefficient()
    {
        // |ad − bc| / √(row and column totals) = 200 / √(30·70·40·60) = 0.0890871.
        var (x, y) = Table(10, 20, 30, 40);
        Assert.Equal(0.0890871, CramersV.Of(x, y), 6);
    }

    [Fact]
    public void CramersVIsZeroForIndependenceAndOneForAPerfectAssociation()
    {
        var (ix, iy) = Table(10, 10, 10, 10);
        Assert.Equal(0, CramersV.Of(ix, iy), 12);
        var (px, py) = Table(25, 0, 0, 25);
        Assert.Equal(1, CramersV.Of(px, py), 12);
    }

    [Fact]
    public void CramersVOfALargerTableMatchesAHandComputedChiSquare()
    {
        // 3×2 table [[20, 10], [10, 20], [15, 15]], n = 90; expected 15 everywhere; χ² = 4·25/15 = 6.667;
        // V = √(6.667 / (90·1)) = 0.272166.
        var x = Labels("x", [.. Rep("a", 20), .. Rep("a", 10), .. Rep("b", 10), .. Rep("b", 20), .. Rep("c", 15), .. Rep("c", 15)]);
        var y = Labels("y", [.. Rep("p", 20), .. Rep("q", 10), .. Rep("p", 10), .. Rep("q", 20), .. Rep("p", 15), .. Rep("q", 15)]);
        Assert.Equal(0.272166, CramersV.Of(x, y), 6);
    }

    [Fact]
    public void RowsMissingEitherValueAreLeftOutAndASingleCategoryHasNoV()
    {
        var x = Labels("x", "a", "a", "b", "b", null);
        var y = Labels("y", "p", "p", "q", "q", "q");
        Assert.Equal(1, CramersV.Of(x, y), 12);
        Assert.True(double.IsNaN(CramersV.Of(Labels("c", "a", "a"), Labels("d", "p", "q"))));
    }

    [Fact]
    public void PearsonCorrelationUsesTheRowsWhereBothColumnsHaveValues()
    {
        // x = 1..5, y = 2x except a missing pair and one outlying 0: r over the 4 complete pairs (1,2) (2,4) (3,6) (5,0).
        var frame = Of(Numbers("x", 1, 2, 3, 4, 5), Numbers("y", 2, 4, 6, double.NaN, 0), Numbers("z", 5, 4, 3, 2, 1));
        var matrix = PairwiseMeasures.Correlations(frame);
        Assert.Equal(["x", "y", "z"], matrix.Names);
        Assert.Equal(-1, matrix["x", "z"], 12);
        Assert.Equal(1, matrix["x", "x"], 12);

        // Σdx·dy = −5, Σdx² = 8.75, Σdy² = 20 over the pairs above: r = −5 / √(8.75·20) = −0.377964.
        Assert.Equal(-0.377964, matrix["x", "y"], 6);
        Assert.Equal(matrix["x", "y"], matrix["y", "x"]);
    }

    private static IEnumerable<string?> Rep(string value, int count) => Enumerable.Repeat<string?>(value, count);
}
