using System.Globalization;
using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>Class names ↔ class indices 0..K-1 for classification targets, stored with the model.</summary>
public sealed class LabelEncoder
{
    private Dictionary<string, int>? _index;

    public required IReadOnlyList<string> Classes { get; init; }

    private Dictionary<string, int> Index => _index ??= Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    /// <summary>
    /// The classes of a target column, in a stable order: numerically for numbers, else ordinal. Numbers are named
    /// as the column formats them ("0", "1").
    /// </summary>
    public static LabelEncoder Fit(FrameColumn target)
    {
        var distinct = Enumerable.Range(0, target.Length).Select(target.Format).OfType<string>().Distinct(StringComparer.Ordinal);
        var ordered = target is NumericColumn && target.Type != ColumnType.Boolean
            ? distinct.OrderBy(s => double.Parse(s, CultureInfo.InvariantCulture))
            : distinct.Order(StringComparer.Ordinal);
        return new LabelEncoder { Classes = ordered.ToList() };
    }

    /// <summary>Class index of each row; rows with a missing target or a class not known here get -1.</summary>
    public int[] Encode(FrameColumn target)
    {
        var codes = new int[target.Length];
        for (var r = 0; r < codes.Length; r++)
        {
            var v = target.Format(r);
            codes[r] = v is not null && Index.TryGetValue(v, out var i) ? i : -1;
        }

        return codes;
    }

    public int IndexOf(string className) => Index.TryGetValue(className, out var i)
        ? i
        : throw RaciflowException.Invalid($"Unknown class '{className}'; classes are: {string.Join(", ", Classes)}.", className);
}
