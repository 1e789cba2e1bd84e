namespace Raciflow.Data;

/// <summary>Categorical and text values; null marks a missing value.</summary>
public sealed class StringColumn(string name, ColumnType type, string?[] values) : FrameColumn(name, type)
{
    public string?[] Values { get; } = values;

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => Values[row] is null;

    public override string? Format(int row) => Values[row];

    public override FrameColumn Take(IReadOnlyList<int> rows)
    {
        var taken = new string?[rows.Count];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = Values[rows[i]];
        }

        return new StringColumn(Name, Type, taken);
    }
}
