namespace Raciflow.Data.Ingestion;

/// <summary>
/// Receives a table cell by cell, row by row. Cells arrive as spans so a pass that only inspects values
/// (type inference) allocates nothing per cell.
/// </summary>
internal interface ICellVisitor
{
    /// <summary>Starts a data row; <paramref name="line"/> is the 1-based source line (CSV) or row number (Parquet).</summary>
    void BeginRow(long line);

    void Cell(int column, ReadOnlySpan<char> value);

    void EndRow();
}
