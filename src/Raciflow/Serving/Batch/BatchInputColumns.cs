using Raciflow.Data;

namespace Raciflow.Serving.Batch;

/// <summary>The columns of one input file matched against the model's inputs: which are model inputs and how each is typed.</summary>
internal sealed class BatchInputColumns
{
    private readonly ColumnType?[] _modelTypes;

    private BatchInputColumns(IReadOnlyList<string> names, ColumnType?[] modelTypes)
    {
        Names = names;
        _modelTypes = modelTypes;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Matches a file's header with the model's inputs; a missing input is an error naming the file and the columns.</summary>
    public static BatchInputColumns Resolve(IReadOnlyList<string> names, BatchModelInputs inputs, string path)
    {
        var missing = inputs.Names.Where(n => !names.Contains(n, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw RaciflowException.Invalid($"File '{path}' lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} that the model needs (it needs: {string.Join(", ", inputs.Names)}).", path);
        }

        return new BatchInputColumns(names, names.Select(n => inputs.TryGetType(n, out var t) ? t : (ColumnType?)null).ToArray());
    }

    public bool IsModelInput(int column) => _modelTypes[column] is not null;

    public bool IsNumeric(int column) => _modelTypes[column] is { } t && BatchModelInputs.IsNumeric(t);

    /// <summary>A categorical model input, read as one of a handful of distinct texts.</summary>
    public bool IsCategoricalInput(int column) => IsModelInput(column) && !IsNumeric(column) && TypeOf(column) == ColumnType.Categorical;

    /// <summary>The model's type for its inputs; other columns are carried as categorical text.</summary>
    public ColumnType TypeOf(int column) => _modelTypes[column] ?? ColumnType.Categorical;
}
