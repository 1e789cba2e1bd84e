using Raciflow.Data;
using Raciflow.Training;

namespace Raciflow.Registry;

/// <summary>Derives a <see cref="ModelSignature"/> from a bundle and the rows it was trained on.</summary>
public static class ModelSignatureBuilder
{
    /// <summary>More categories than this are summarised (the form falls back to a text box).</summary>
    public const int MaxCategories = 200;

    public static ModelSignature Build(ModelBundle bundle, Frame trainingRows)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(trainingRows);
        var inputs = bundle.InputSchema.Select(c => Field(c, trainingRows.Contains(c.Name) ? trainingRows[c.Name] : null)).ToList();
        return new ModelSignature { Inputs = inputs, Task = bundle.Task, Target = bundle.Target, Classes = bundle.Classes };
    }

    private static SignatureField Field(ColumnSchema schema, FrameColumn? column)
    {
        var field = new SignatureField { Name = schema.Name, Type = schema.Type, Nullable = schema.Nullable || column?.MissingCount > 0 };
        return column switch
        {
            NumericColumn n when schema.Type is ColumnType.Numeric or ColumnType.Integer => WithRange(field, n.Values),
            not null when schema.Type is ColumnType.Categorical or ColumnType.Boolean => WithCategories(field, column),
            _ => field,
        };
    }

    private static SignatureField WithRange(SignatureField field, double[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min > max ? field : field with { Min = min, Max = max };
    }

    private static SignatureField WithCategories(SignatureField field, FrameColumn column)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < column.Length; r++)
        {
            if (column.Format(r) is { } v)
            {
                counts[v] = counts.GetValueOrDefault(v) + 1;
            }
        }

        var ordered = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        return field with { Categories = ordered.Take(MaxCategories).ToList(), CategoriesTruncated = ordered.Count > MaxCategories };
    }
}
