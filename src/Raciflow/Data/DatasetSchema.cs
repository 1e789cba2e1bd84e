namespace Raciflow.Data;

/// <summary>The ordered columns of a dataset version.</summary>
public sealed record DatasetSchema(IReadOnlyList<ColumnSchema> Columns)
{
    public ColumnSchema? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The column, or a not-found error that lists the columns there are.</summary>
    public ColumnSchema Require(string name, string datasetLabel) =>
        Find(name) ?? throw new RaciflowException(ErrorKind.Invalid, $"Column '{name}' does not exist in {datasetLabel}; its columns are: {string.Join(", ", Columns.Select(c => c.Name))}.") { Location = name };
}
