namespace Raciflow.Data;

/// <summary>One column of a <see cref="Frame"/>.</summary>
public abstract class FrameColumn(string name, ColumnType type)
{
    public string Name { get; } = name;

    public ColumnType Type { get; } = type;

    public abstract int Length { get; }

    public abstract bool IsMissing(int row);

    /// <summary>The value as text, as a user would write it in a CSV; null when missing.</summary>
    public abstract string? Format(int row);

    public int MissingCount
    {
        get
        {
            var n = 0;
            for (var i = 0; i < Length; i++)
            {
                if (IsMissing(i))
                {
                    n++;
                }
            }

            return n;
        }
    }

    public abstract FrameColumn Take(IReadOnlyList<int> rows);
}
