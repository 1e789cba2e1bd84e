using System.Runtime.CompilerServices;
using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// One-hot encoding of the training categories (most frequent first, at most <see cref="FeaturePipelineOptions.MaxCategories"/>),
/// one bucket for any other value (categories unseen in training or too rare), the most frequent category for
/// missing values, and a missing indicator when the training rows had missing values.
/// </summary>
public sealed class CategoricalEncoder : ColumnEncoder
{
    public required IReadOnlyList<string> Categories { get; init; }

    public required string MostFrequent { get; init; }

    public required bool MissingIndicator { get; init; }

    private Dictionary<string, int>? _index;

    private Dictionary<string, int> Index => _index ??= Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    public static CategoricalEncoder Fit(FrameColumn column, int maxCategories)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        for (var r = 0; r < column.Length; r++)
        {
            var v = column.Format(r);
            if (v is null)
            {
                missing++;
                continue;
            }

            counts[v] = counts.GetValueOrDefault(v) + 1;
        }

        // Frequency then ordinal order makes the encoding independent of row order.
        var ordered = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        return new CategoricalEncoder
        {
            Column = column.Name,
            Categories = ordered.Take(maxCategories).ToList(),
            MostFrequent = ordered.FirstOrDefault() ?? string.Empty,
            MissingIndicator = missing > 0 && ordered.Count > 0,
        };
    }

    public override IReadOnlyList<string> FeatureNames()
    {
        var names = Categories.Select(c => $"{Column}={c}").Append($"{Column}=__other__").ToList();
        if (MissingIndicator)
        {
            names.Add(Column + "__missing");
        }

        return names;
    }

    public override void EncodeRows(FrameColumn column, int start, int count, Span<double> destination, int stride, int offset)
    {
        if (column is not StringColumn strings)
        {
            for (var i = 0; i < count; i++)
            {
                Encode(column.Format(start + i), destination[((i * stride) + offset)..]);
            }

            return;
        }

        // Batch readers hand out one string instance per distinct category, so a small cache keyed by the instance
        // finds most cells' slot without hashing their text; the slots are those Encode gives.
        const int CacheSize = 16;
        var cachedStrings = new string?[CacheSize];
        Span<int> cachedSlots = stackalloc int[CacheSize];
        var width = Categories.Count + 1 + (MissingIndicator ? 1 : 0);
        var values = strings.Values.AsSpan(start, count);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is null)
            {
                Encode(null, destination[((i * stride) + offset)..]);
                continue;
            }

            var cache = RuntimeHelpers.GetHashCode(value) & (CacheSize - 1);
            if (!ReferenceEquals(cachedStrings[cache], value))
            {
                cachedStrings[cache] = value;
                cachedSlots[cache] = Index.TryGetValue(value, out var index) ? index : Categories.Count;
            }

            var cell = destination.Slice((i * stride) + offset, width);
            cell.Clear();
            cell[cachedSlots[cache]] = 1;
        }
    }

    public override void EncodeValue(object? value, Span<double> destination) => Encode(RawValues.ToText(value), destination);

    private void Encode(string? value, Span<double> destination)
    {
        var width = Categories.Count + 1 + (MissingIndicator ? 1 : 0);
        destination[..width].Clear();
        var category = value ?? MostFrequent;
        destination[Index.TryGetValue(category, out var i) ? i : Categories.Count] = 1;
        if (MissingIndicator && value is null)
        {
            destination[width - 1] = 1;
        }
    }
}
