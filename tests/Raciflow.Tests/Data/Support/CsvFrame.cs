using System.Globalization;
using nietras.SeparatedValues;
using Raciflow.Data;

namespace Raciflow.Tests.Data.Support;

/// <summary>
/// Loads a small CSV into a <see cref="Frame"/> for tests, inferring types the simple way (integer, numeric,
/// date, else categorical), so data tests need not wait for ingestion.
/// </summary>
public static class CsvFrame
{
    public static Frame Load(string path)
    {
        using var reader = Sep.Reader().FromFile(path);
        var names = reader.Header.ColNames.ToArray();
        var raw = names.Select(_ => new List<string?>()).ToArray();
        foreach (var row in reader)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var text = row[i].ToString();
                raw[i].Add(text.Length == 0 ? null : text);
            }
        }

        return new Frame(names.Select((n, i) => Column(n, raw[i])).ToList());
    }

    private static FrameColumn Column(string name, List<string?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!).ToList();
        if (present.Count > 0 && present.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var numbers = values.Select(v => v is null ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var type = numbers.Where(x => !double.IsNaN(x)).All(x => x == Math.Floor(x)) ? ColumnType.Integer : ColumnType.Numeric;
            return new NumericColumn(name, type, numbers);
        }

        if (present.Count > 0 && present.All(v => DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            return new DateTimeColumn(name, values.Select(v => v is null ? (DateTime?)null : DateTime.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
        }

        return new StringColumn(name, ColumnType.Categorical, values.ToArray());
    }
}
