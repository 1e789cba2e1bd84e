using System.Globalization;

namespace Raciflow.Server.Web;

/// <summary>How pages write numbers, times and key/value tables, the same on every page.</summary>
public static class WebFormat
{
    /// <summary>Four decimals at most, invariant culture: what people compare by eye.</summary>
    public static string Number(double? value) => value switch
    {
        null => "—",
        { } v when double.IsNaN(v) => "NaN",
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };

    public static string Time(DateTime? time) => time is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
    };

    /// <summary>A two-column table of keys and values, or a muted line when there are none.</summary>
    public static Html Table(string id, IEnumerable<KeyValuePair<string, string>> rows, string empty = "None.")
    {
        var list = rows.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        return list.Count == 0
            ? Html.Of($"<p class=\"muted\" id=\"{id}\">{empty}</p>")
            : Html.Of($"<table id=\"{id}\" class=\"pairs\"><tbody>{Html.Join(list.Select(kv => Html.Of($"<tr><th>{kv.Key}</th><td>{kv.Value}</td></tr>")))}</tbody></table>");
    }

    public static Html Table(string id, IEnumerable<KeyValuePair<string, double>> rows, string empty = "None.") =>
        Table(id, rows.Select(kv => KeyValuePair.Create(kv.Key, Number(kv.Value))), empty);
}
