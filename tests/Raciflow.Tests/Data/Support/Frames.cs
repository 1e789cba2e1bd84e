using Raciflow.Data;

namespace Raciflow.Tests.Data.Support;

/// <summary>Tiny builders for in-memory frames with known answers.</summary>
public static class Frames
{
    public static NumericColumn Numbers(string name, params double[] values) => new(name, ColumnType.Numeric, values);

    public static NumericColumn Integers(string name, params double[] values) => new(name, ColumnType.Integer, values);

    public static StringColumn Labels(string name, params string?[] values) => new(name, ColumnType.Categorical, values);

    public static Frame Of(params FrameColumn[] columns) => new(columns);

    /// <summary>A label column holding <paramref name="counts"/>[i] rows of class i, classes in the given order.</summary>
    public static StringColumn Classes(string name, params (string Value, int Count)[] counts) =>
        Labels(name, counts.SelectMany(c => Enumerable.Repeat<string?>(c.Value, c.Count)).ToArray());
}
