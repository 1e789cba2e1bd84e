using Raciflow.Projects;
using Raciflow.Training;

namespace Raciflow.Data;

/// <summary>The project's target column in a frame and the task it implies.</summary>
public sealed record TargetColumn(FrameColumn Column, TaskKind Task)
{
    public bool IsClassification => Task != TaskKind.Regression;

    /// <summary>
    /// The target declared in raciflow.yaml (<c>data.target</c>, <c>data.task</c>) as found in the frame; null when the
    /// project declares none or the frame lacks it. Without <c>data.task</c>, labels (categorical, boolean, text) mean
    /// classification and numbers mean regression.
    /// </summary>
    public static TargetColumn? Find(DataConfig? data, Frame frame)
    {
        if (string.IsNullOrWhiteSpace(data?.Target) || !frame.Contains(data.Target))
        {
            return null;
        }

        var column = frame[data.Target];
        return new TargetColumn(column, ParseTask(data.Task) ?? Infer(column));
    }

    private static TaskKind? ParseTask(string? task) => task?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "regression" => TaskKind.Regression,
        "binary" => TaskKind.Binary,
        "multiclass" => TaskKind.Multiclass,
        _ => throw RaciflowException.Invalid(
            $"{ProjectConfigLoader.FileName}: data.task '{task}' is not one of regression, binary, multiclass.",
            "data.task"),
    };

    private static TaskKind Infer(FrameColumn column)
    {
        if (column.Type is ColumnType.Numeric or ColumnType.Integer or ColumnType.DateTime)
        {
            return TaskKind.Regression;
        }

        return ColumnValues.Counts(column).Count <= 2 ? TaskKind.Binary : TaskKind.Multiclass;
    }
}
