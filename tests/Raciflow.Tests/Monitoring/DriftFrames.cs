using System.Globalization;
using Raciflow.Data;

namespace Raciflow.Tests.Monitoring;

/// <summary>Tiny frame builders for drift tests; the ingestion service that reads CSV files for real lives elsewhere.</summary>
internal static class DriftFrames
{
    public static NumericColumn Numeric(string name, params double[] values) => new(name, ColumnType.Numeric, values);

    public static StringColumn Categorical(string name, params string?[] values) => new(name, ColumnType.Categorical, values);

    public static Frame Of(params FrameColumn[] columns) => new(columns);

    /// <summary>
    /// Reads a simple CSV (header row, no quoted fields): a column whose non-empty cells all parse as numbers becomes
    /// numeric, a column of ISO dates becomes date-time, anything else categorical; empty cells are missing.
    /// </summary>
    public static Frame ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<FrameColumn>();
        for (var j = 0; j < header.Length; j++)
        {
            var raw = cells.Select(row => row[j].Length == 0 ? null : row[j]).ToArray();
            if (raw.All(v => v is null || double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                columns.Add(new NumericColumn(header[j], ColumnType.Numeric, [.. raw.Select(v => v is null ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture))]));
            }
            else if (raw.All(v => v is null || DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                columns.Add(new DateTimeColumn(header[j], [.. raw.Select(v => v is null ? (DateTime?)null : DateTime.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture))]));
            }
            else
            {
                columns.Add(new StringColumn(header[j], ColumnType.Categorical, raw));
            }
        }

        return new Frame(columns);
    }

    /// <summary>Every other row: even rows (0, 2, …) or odd rows, so both halves cover the same days of the same years.</summary>
    public static Frame Alternate(Frame frame, bool odd) =>
        frame.Take([.. Enumerable.Range(0, frame.RowCount).Where(i => (i % 2 == 1) == odd)]);

    /// <summary>A copy of the frame with <paramref name="delta"/> added to one numeric column.</summary>
    public static Frame Shift(Frame frame, string column, double delta) =>
        new([.. frame.Columns.Select(c => c.Name == column
            ? new NumericColumn(c.Name, c.Type, [.. ((NumericColumn)c).Values.Select(v => v + delta)])
            : c)]);
}
