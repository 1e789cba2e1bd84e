namespace Raciflow.Data.Ingestion;

/// <summary>The first pass over a table: counts rows and gathers the evidence that decides each column's type.</summary>
internal sealed class TypeInferencePass(IReadOnlyList<string> columnNames) : ICellVisitor
{
    private readonly ColumnTypeEvidence[] _columns = columnNames.Select(n => new ColumnTypeEvidence(n)).ToArray();

    public long Rows { get; private set; }

    public void BeginRow(long line)
    {
    }

    public void Cell(int column, ReadOnlySpan<char> value) => _columns[column].Observe(value);

    /// <summary>A cell whose parse as <paramref name="parsedAs"/> is known (see <see cref="ColumnTypeEvidence.Observe(ReadOnlySpan{char}, ColumnType, bool?)"/>).</summary>
    public void Cell(int column, ReadOnlySpan<char> value, ColumnType parsedAs, bool? parsed) => _columns[column].Observe(value, parsedAs, parsed);

    public void EndRow() => Rows++;

    public DatasetSchema Schema() => new(_columns.Select(c => c.Decide()).ToList());
}
