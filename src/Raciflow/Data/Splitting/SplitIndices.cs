namespace Raciflow.Data.Splitting;

/// <summary>The 0-based row indices of each part of a split, ascending; together they cover every row exactly once.</summary>
public sealed record SplitIndices(int[] Train, int[] Validation, int[] Test)
{
    public int RowCount => Train.Length + Validation.Length + Test.Length;
}
