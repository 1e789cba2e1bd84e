using System.Globalization;
using System.Net;
using System.Text;

namespace Raciflow.Data.Profiling;

/// <summary>
/// Renders a <see cref="ProfileReport"/> as one self-contained HTML page: inline CSS, charts as inline SVG, no
/// scripts, fonts or links to anything outside the page.
/// </summary>
public static class ProfileHtmlWriter
{
    public static string Write(ProfileReport report, Frame frame, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(frame);
        var features = report.Target is null ? [] : frame.Columns.Where(c => c.Name != report.Target.Column.Name).ToList();
        var steps = frame.Columns.Count + features.Count + 3;
        var done = 0;
        void Step() => progress?.Report((double)++done / steps);

        var html = new StringBuilder(256 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Profile of ").Append(E(report.Dataset)).Append("</title><style>").Append(ProfileHtmlStyle.Css).Append("</style></head><body>\n");
        html.Append("<header><h1>Profile of ").Append(E(report.Dataset)).Append("</h1><p>Generated ")
            .Append(E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append(" by Raciflow</p><nav>")
            .Append("<a href=\"#overview\">Overview</a><a href=\"#variables\">Variables</a><a href=\"#columns\">Columns</a>")
            .Append("<a href=\"#correlations\">Correlations</a><a href=\"#associations\">Associations</a><a href=\"#missing\">Missing values</a>");
        if (report.Target is not null)
        {
            html.Append("<a href=\"#target\">Target</a>");
        }

        html.Append("</nav></header><main>\n");
        Overview(html, report.Overview);
        VariablesTable(html, report.Columns);
        html.Append("<section id=\"columns\"><h2>Columns</h2>\n");
        for (var i = 0; i < frame.Columns.Count; i++)
        {
            ColumnSection(html, i, frame.Columns[i], report.Columns[i]);
            Step();
        }

        html.Append("</section>\n");
        MatrixSection(html, "correlations", "Correlations (Pearson)", "Pearson's r between numeric columns over the rows where both have a value.",
            MatrixCharts.Heatmap("Pearson correlation", report.Correlations, -1, 1), "Fewer than two numeric columns: nothing to correlate.");
        Step();
        MatrixSection(html, "associations", "Associations (Cramér's V)", $"Cramér's V between categorical and boolean columns with 2 to {PairwiseMeasures.MaxCategories} categories: 0 means independent, 1 fully associated.",
            MatrixCharts.Heatmap("Cramér's V", report.Associations, 0, 1), "Fewer than two categorical columns: nothing to associate.");
        Step();
        html.Append("<section id=\"missing\"><h2>Missing values</h2>");
        html.Append(report.Overview.MissingCells == 0 ? "<p class=\"note\">No value is missing.</p>" : string.Empty);
        Figure(html, "missing", RelationCharts.Missing(report.Columns));
        html.Append("</section>\n");
        Step();
        if (report.Target is { } target)
        {
            html.Append("<section id=\"target\"><h2>Features against the target ").Append(E(target.Column.Name)).Append(" <span class=\"type\">")
                .Append(E(target.Task.ToString().ToLowerInvariant())).Append("</span></h2><div class=\"row\">");
            foreach (var feature in features)
            {
                Figure(html, "target:" + feature.Name, RelationCharts.FeatureVersusTarget(feature, target));
                Step();
            }

            html.Append("</div></section>\n");
        }

        html.Append("</main><footer>Raciflow data profile · ").Append(report.Overview.Rows).Append(" rows × ").Append(report.Overview.Columns).Append(" columns</footer></body></html>\n");
        return html.ToString();
    }

    private static void Overview(StringBuilder html, DatasetOverview o)
    {
        html.Append("<section id=\"overview\"><h2>Overview</h2><div class=\"cards\">");
        Card(html, "Rows", o.Rows.ToString("N0", CultureInfo.InvariantCulture), null);
        Card(html, "Columns", o.Columns.ToString(CultureInfo.InvariantCulture), null);
        Card(html, "Missing cells", o.MissingCells.ToString("N0", CultureInfo.InvariantCulture), Percent(o.MissingCellFraction));
        Card(html, "Duplicate rows", o.DuplicateRows.ToString("N0", CultureInfo.InvariantCulture), o.Rows == 0 ? null : Percent((double)o.DuplicateRows / o.Rows));
        Card(html, "Memory", Bytes(o.MemoryBytes), "approximate, in memory");
        html.Append("</div></section>\n");
    }

    private static void Card(StringBuilder html, string label, string value, string? sub)
    {
        html.Append("<div class=\"card\"><div class=\"label\">").Append(E(label)).Append("</div><div class=\"value\">").Append(E(value)).Append("</div>");
        if (sub is not null)
        {
            html.Append("<div class=\"sub\">").Append(E(sub)).Append("</div>");
        }

        html.Append("</div>");
    }

    private static void VariablesTable(StringBuilder html, IReadOnlyList<ColumnProfile> columns)
    {
        html.Append("<section id=\"variables\"><h2>Variables</h2><div class=\"scroll\"><table><thead><tr>")
            .Append("<th>Column</th><th>Type</th><th>Missing</th><th>Distinct</th><th>Mean</th><th>Std dev</th><th>Min</th><th>Q1</th><th>Median</th><th>Q3</th><th>Max</th><th>Most frequent</th>")
            .Append("</tr></thead><tbody>");
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            html.Append("<tr><td><a href=\"#col-").Append(i).Append("\">").Append(E(c.Name)).Append("</a></td><td class=\"text\">").Append(TypeName(c.Type)).Append("</td>")
                .Append("<td").Append(c.Missing > 0 ? " class=\"warn\"" : string.Empty).Append('>').Append(c.Missing).Append(" (").Append(Percent(c.MissingFraction)).Append(")</td>")
                .Append("<td>").Append(c.Distinct).Append("</td>");
            foreach (var v in new[] { c.Mean, c.StdDev })
            {
                html.Append("<td>").Append(Num(v)).Append("</td>");
            }

            html.Append("<td>").Append(c.MinText is null ? Num(c.Min) : E(c.MinText)).Append("</td>")
                .Append("<td>").Append(Num(c.Quartiles?.Q1)).Append("</td><td>").Append(Num(c.Quartiles?.Median)).Append("</td><td>").Append(Num(c.Quartiles?.Q3)).Append("</td>")
                .Append("<td>").Append(c.MaxText is null ? Num(c.Max) : E(c.MaxText)).Append("</td>")
                .Append("<td class=\"text\">").Append(c.TopValues.Count == 0 ? "–" : $"{E(ChartSvg.Shorten(c.TopValues[0].Value, 24))} ({c.TopValues[0].Count})").Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>\n");
    }

    private static void ColumnSection(StringBuilder html, int index, FrameColumn column, ColumnProfile p)
    {
        html.Append("<article class=\"column\" id=\"col-").Append(index).Append("\"><h3>").Append(E(column.Name)).Append("<span class=\"type\">").Append(TypeName(p.Type)).Append("</span></h3><div class=\"row\"><table><tbody>");
        Stat(html, "Values", $"{p.Count - p.Missing:N0}");
        Stat(html, "Missing", $"{p.Missing:N0} ({Percent(p.MissingFraction)})");
        Stat(html, "Distinct", $"{p.Distinct:N0}");
        if (p.Mean is not null)
        {
            Stat(html, "Mean", Num(p.Mean));
            Stat(html, "Std dev", Num(p.StdDev));
            Stat(html, "Min", Num(p.Min));
            Stat(html, "Q1", Num(p.Quartiles?.Q1));
            Stat(html, "Median", Num(p.Quartiles?.Median));
            Stat(html, "Q3", Num(p.Quartiles?.Q3));
            Stat(html, "Max", Num(p.Max));
            Stat(html, "Zeros", $"{p.Zeros:N0}");
            Stat(html, "Outliers (1.5×IQR)", $"{p.Outliers:N0}");
        }

        if (p.MinText is not null)
        {
            Stat(html, "First", p.MinText);
            Stat(html, "Last", p.MaxText ?? "–");
        }

        foreach (var top in p.Mean is null ? p.TopValues.Take(5) : [])
        {
            Stat(html, ChartSvg.Shorten(top.Value, 24), $"{top.Count:N0}");
        }

        html.Append("</tbody></table>");
        Figure(html, column.Name, ColumnCharts.Distribution(column, p));
        if (column is NumericColumn numbers && ColumnValues.IsQuantity(numbers))
        {
            Figure(html, column.Name, ColumnCharts.Box(column.Name, ColumnValues.Present(numbers)));
        }

        html.Append("</div></article>\n");
    }

    private static void Stat(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static void MatrixSection(StringBuilder html, string id, string title, string note, string? svg, string empty)
    {
        html.Append("<section id=\"").Append(id).Append("\"><h2>").Append(E(title)).Append("</h2><p class=\"note\">").Append(E(svg is null ? empty : note)).Append("</p>");
        Figure(html, id, svg);
        html.Append("</section>\n");
    }

    private static void Figure(StringBuilder html, string subject, string? svg)
    {
        if (svg is not null)
        {
            html.Append("<figure class=\"chart\" data-subject=\"").Append(E(subject)).Append("\">").Append(svg).Append("</figure>");
        }
    }

    private static string TypeName(ColumnType type) => type.ToString().ToLowerInvariant();

    private static string Percent(double fraction) => (100 * fraction).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Num(double? value) => value switch
    {
        null => "–",
        { } v when double.IsNaN(v) => "–",
        { } v when v != 0 && (Math.Abs(v) >= 1e9 || Math.Abs(v) < 1e-3) => v.ToString("0.###e+0", CultureInfo.InvariantCulture),
        { } v => v.ToString("#,0.####", CultureInfo.InvariantCulture),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
