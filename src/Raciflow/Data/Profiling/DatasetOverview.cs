namespace Raciflow.Data.Profiling;

/// <summary>The headline numbers of a dataset: its shape, gaps, repeats and approximate size in memory.</summary>
public sealed record DatasetOverview(int Rows, int Columns, long MissingCells, int DuplicateRows, long MemoryBytes)
{
    public double MissingCellFraction => Rows == 0 || Columns == 0 ? 0 : (double)MissingCells / ((long)Rows * Columns);
}
