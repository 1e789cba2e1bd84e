using Raciflow.Data;
using Raciflow.Training;

namespace Raciflow.Serving.Batch;

/// <summary>The raw columns a bundle needs, and which of them are read as numbers.</summary>
internal sealed class BatchModelInputs(ModelBundle bundle)
{
    private readonly Dictionary<string, ColumnType> _types = bundle.InputSchema.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);

    public IReadOnlyList<string> Names { get; } = bundle.InputSchema.Select(c => c.Name).ToArray();

    public bool TryGetType(string column, out ColumnType type) => _types.TryGetValue(column, out type);

    public static bool IsNumeric(ColumnType type) => type is ColumnType.Numeric or ColumnType.Integer or ColumnType.Boolean;
}
