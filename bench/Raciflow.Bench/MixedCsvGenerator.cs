using System.Globalization;
using System.Text;

namespace Raciflow.Bench;

/// <summary>Writes a CSV of about the requested size with numeric, integer, categorical, date, boolean and text columns, some missing.</summary>
internal static class MixedCsvGenerator
{
    private static readonly string[] Cities = Enumerable.Range(0, 40).Select(i => $"city-{i:00}").ToArray();

    public static int Run(string file, long megabytes)
    {
        var target = megabytes * 1024 * 1024;
        var random = new Random(42);
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,amount,quantity,category,city,day,timestamp,active,score,comment\n");
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var line = new StringBuilder(160);
        long rows = 0;
        while (((FileStream)writer.BaseStream).Position < target)
        {
            line.Clear();
            var t = start.AddMinutes(random.Next(0, 2_000_000));
            line.Append(CultureInfo.InvariantCulture, $"{rows},");
            line.Append(random.Next(100) < 3 ? "" : (random.NextDouble() * 10_000 - 500).ToString("F2", CultureInfo.InvariantCulture)).Append(',');
            line.Append(random.Next(100) < 2 ? "NA" : random.Next(0, 500).ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append((char)('A' + random.Next(6))).Append(',');
            line.Append(Cities[random.Next(Cities.Length)]).Append(',');
            line.Append(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',');
            line.Append(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',');
            line.Append(random.Next(2) == 0 ? "true" : "false").Append(',');
            line.Append(random.Next(100) < 5 ? "" : (random.NextDouble()).ToString("F6", CultureInfo.InvariantCulture)).Append(',');
            line.Append(random.Next(100) < 10 ? "" : $"\"note {random.Next(100_000)}, free text\"").Append('\n');
            writer.Write(line);
            rows++;
        }

        Console.WriteLine($"wrote {file}: {rows:N0} rows, {new FileInfo(file).Length / 1e6:F0} MB");
        return 0;
    }
}
