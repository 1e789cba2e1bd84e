using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// Decides the task from the target column, and checks a requested task against it: whole numbers with few
/// distinct values are classes, other numbers are a regression target, text is classes.
/// </summary>
public static class TaskInference
{
    /// <summary>Whole-number targets with at most this many distinct values are treated as classes.</summary>
    public const int MaxIntegerClasses = 10;

    public static TaskKind Infer(Frame frame, string target) => Check(frame, target, null);

    /// <summary>The task to train: <paramref name="requested"/> when it fits the target, else an error saying why.</summary>
    public static TaskKind Check(Frame frame, string target, TaskKind? requested)
    {
        if (!frame.Contains(target))
        {
            throw RaciflowException.Invalid($"Target column '{target}' does not exist; columns are: {string.Join(", ", frame.Columns.Select(c => c.Name))}.", target);
        }

        var column = frame[target];
        var distinct = Enumerable.Range(0, column.Length).Select(column.Format).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        if (distinct == 0)
        {
            throw RaciflowException.Invalid($"Target column '{target}' has no values: every row is missing.", target);
        }

        if (distinct == 1)
        {
            throw RaciflowException.Invalid($"Target column '{target}' has a single value ('{FirstValue(column)}'); there is nothing to predict.", target);
        }

        if (column.Type == ColumnType.DateTime)
        {
            throw RaciflowException.Invalid($"Target column '{target}' holds dates; predict a number or a class instead.", target);
        }

        var numeric = column is NumericColumn && column.Type != ColumnType.Boolean;
        var inferred = numeric && !LooksLikeClasses((NumericColumn)column, distinct)
            ? TaskKind.Regression
            : distinct == 2 ? TaskKind.Binary : TaskKind.Multiclass;
        return requested switch
        {
            null => inferred,
            TaskKind.Regression when !numeric => throw RaciflowException.Invalid($"Regression needs a numeric target, but '{target}' is {column.Type.ToString().ToLowerInvariant()}.", target),
            TaskKind.Binary when distinct != 2 => throw RaciflowException.Invalid($"Binary classification needs exactly 2 classes, but '{target}' has {distinct}; use multiclass.", target),
            var task => task.Value,
        };
    }

    private static bool LooksLikeClasses(NumericColumn column, int distinct) =>
        distinct <= MaxIntegerClasses && column.Values.All(v => double.IsNaN(v) || v == Math.Floor(v));

    private static string? FirstValue(FrameColumn column) => Enumerable.Range(0, column.Length).Select(column.Format).First(v => v is not null);
}
