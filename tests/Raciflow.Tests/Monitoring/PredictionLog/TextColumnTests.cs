using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Tests.Monitoring.PredictionLog;

public sealed class TextColumnTests
{
    [Fact]
    public void TextsNumbersAndMissingRowsReadBackAsStrings()
    {
        using var column = new TextColumn();
        column.Set(0, "oslo");
        column.Set(2, 0.1);
        column.Set(3, (string?)null);
        column.Set(4, string.Empty);
        column.Set(5, 1e300);

        // Row 1 was never set and reads as missing, like row 3; an empty text is not missing.
        Assert.Equal(["oslo", null, "0.1", null, string.Empty, "1E+300", null], column.ToStrings(7).AsEnumerable());
        Assert.Equal(LoggedValue.ToText(0.1), column.ToStrings(3)[2]);
    }

    [Fact]
    public void PartsAreThePresentValuesInRowOrderWithADefinitionLevelPerRow()
    {
        using var column = new TextColumn();
        column.Set(0, "north");
        column.Set(2, string.Empty);
        column.Set(3, 7.5);
        column.SetMissing(4);

        var values = new ReadOnlyMemory<char>[5];
        var levels = new int[5];
        var present = column.CopyParts(values, levels);

        Assert.Equal(3, present);
        Assert.Equal(["north", string.Empty, "7.5"], values.Take(present).Select(v => v.ToString()));
        Assert.Equal([1, 0, 1, 1, 0], levels);
    }

    [Fact]
    public void ManyLongTextsOutgrowTheBufferIntact()
    {
        using var column = new TextColumn();
        var texts = Enumerable.Range(0, 5_000).Select(i => new string((char)('a' + (i % 26)), i % 97) + i).ToArray();
        for (var row = 0; row < texts.Length; row++)
        {
            column.Set(row, texts[row]);
        }

        Assert.Equal(texts, column.ToStrings(texts.Length));
    }

    [Fact]
    public void PermuteReordersRowsAndTruncateForgetsThem()
    {
        using var column = new TextColumn();
        column.Set(0, "a");
        column.Set(1, "b");
        column.Set(2, "c");
        column.Permute([2, 0, 1]);
        Assert.Equal(["c", "a", "b"], column.ToStrings(3).AsEnumerable());

        column.Truncate(1);
        Assert.Equal(["c", null, null], column.ToStrings(3).AsEnumerable());
        column.Set(1, "d");
        Assert.Equal(["c", "d"], column.ToStrings(2).AsEnumerable());
    }
}
