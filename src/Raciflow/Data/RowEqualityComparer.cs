namespace Raciflow.Data;

/// <summary>
/// Compares rows of a frame by value in every column (missing equals missing) without formatting them as text,
/// so duplicate detection stays cheap on large frames.
/// </summary>
internal sealed class RowEqualityComparer(Frame frame) : IEqualityComparer<int>
{
    public bool Equals(int x, int y)
    {
        foreach (var column in frame.Columns)
        {
            var same = column switch
            {
                // double.Equals treats NaN (missing) as equal to NaN, unlike ==.
                NumericColumn n => n.Values[x].Equals(n.Values[y]),
                StringColumn s => string.Equals(s.Values[x], s.Values[y], StringComparison.Ordinal),
                DateTimeColumn d => d.Values[x] == d.Values[y],
                _ => string.Equals(column.Format(x), column.Format(y), StringComparison.Ordinal),
            };
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(int row)
    {
        var hash = new HashCode();
        foreach (var column in frame.Columns)
        {
            switch (column)
            {
                case NumericColumn n:
                    hash.Add(n.Values[row]);
                    break;
                case StringColumn s:
                    hash.Add(s.Values[row], StringComparer.Ordinal);
                    break;
                case DateTimeColumn d:
                    hash.Add(d.Values[row]);
                    break;
                default:
                    hash.Add(column.Format(row), StringComparer.Ordinal);
                    break;
            }
        }

        return hash.ToHashCode();
    }
}
