using Raciflow.Data.Ingestion;

namespace Raciflow.Tests.Data;

public sealed class RowBlockTests
{
    [Fact]
    public void CellsComeBackAsTheyWereAddedAcrossGrowthAndReuse()
    {
        var block = new RowBlock(3, 2);
        var rows = Enumerable.Range(0, 5000).Select(r => new[] { $"{r}", r % 7 == 0 ? string.Empty : new string('x', r % 50), $"\"q,{r}\"" }).ToList();
        for (var round = 0; round < 2; round++)
        {
            block.Clear();
            block.Reserve(round * 1_000_000);
            for (var r = 0; r < rows.Count; r++)
            {
                block.BeginRow(100 + r);
                foreach (var cell in rows[r])
                {
                    block.Cell(cell);
                }
            }

            Assert.Equal(rows.Count, block.Rows);
            Assert.Equal(rows.Sum(r => r.Sum(c => c.Length)), block.Characters);
            for (var r = 0; r < rows.Count; r++)
            {
                Assert.Equal(100 + r, block.Line(r));
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(rows[r][c], block.Cell(r, c).ToString());
                }
            }
        }
    }
}
