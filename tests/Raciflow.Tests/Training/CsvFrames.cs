using System.Globalization;
using Raciflow.Data;

namespace Raciflow.Tests.Training;

/// <summary>
/// Reads a small, unquoted CSV into a <see cref="Frame"/> for training tests and benchmarks (the real loader is
/// the data capability's): empty or "NA" is missing; a column of numbers is numeric (integer when whole), of ISO
/// dates is a date, anything else categorical.
/// </summary>
public static class CsvFrames
{
    public static Frame Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<FrameColumn>();
        for (var c = 0; c < header.Length; c++)
        {
            var raw = cells.Select(row => row[c] is "" or "NA" ? null : row[c]).ToArray();
            columns.Add(Column(header[c], raw));
        }

        return new Frame(columns);
    }

    private static FrameColumn Column(string name, string?[] raw)
    {
        var present = raw.OfType<string>().ToArray();
        if (present.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var values = raw.Select(v => v is null ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var whole = values.All(v => double.IsNaN(v) || v == Math.Floor(v));
            return new NumericColumn(name, whole ? ColumnType.Integer : ColumnType.Numeric, values);
        }

        if (present.All(v => DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _)))
        {
            return new DateTimeColumn(name, raw.Select(v => v is null ? (DateTime?)null : DateTime.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToArray());
        }

        return new StringColumn(name, ColumnType.Categorical, raw);
    }
}
