using System.Globalization;
using System.Net;
using System.Text;

namespace Raciflow.Monitoring.Drift.Reporting;

/// <summary>
/// Renders a <see cref="DriftReport"/> as one self-contained HTML page (inline CSS and SVG, no scripts, no external
/// resources): the verdict, a summary table and a chart per column.
/// </summary>
public static class DriftHtmlReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1240px;color:#222;padding:0 1rem}
        h1{font-size:1.6rem;margin-bottom:.2rem}.meta{color:#666;margin-top:0}
        .verdict{padding:.8rem 1rem;border-radius:6px;font-weight:600;margin:1rem 0}
        .drift{background:#fde2e1;color:#9b1c1c}.stable{background:#def7ec;color:#03543f}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:.35rem .6rem;border-bottom:1px solid #e5e7eb;text-align:right}
        th{background:#f3f4f6}th:first-child,td:first-child,td.text{text-align:left}
        td.yes{color:#9b1c1c;font-weight:700}td.no{color:#03543f}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:1rem;margin-top:1rem}
        figure{margin:0;border:1px solid #e5e7eb;border-radius:6px;padding:.5rem}figcaption{font-size:.85rem;color:#444;padding:.3rem}
        .note{color:#92400e}
        """;

    public static string Render(DriftReport report, string title, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n<p class=\"meta\">Generated ")
            .Append(generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Append(Invariant($" · reference {report.ReferenceRows:N0} rows · current {report.CurrentRows:N0} rows</p>\n"));
        html.Append(Invariant($"<div class=\"verdict {(report.DatasetDrift ? "drift" : "stable")}\">"))
            .Append(report.DatasetDrift ? "Dataset drift detected" : "No dataset drift")
            .Append(Invariant($": {report.DriftedFeatureCount} of {report.Features.Count} features drifted ({report.DriftedFeatureShare:P0}; the threshold is {report.DriftShare:P0})."));
        if (report.Prediction is { } prediction)
        {
            html.Append(Invariant($" Prediction column <code>{Encode(prediction.Column)}</code>: {(prediction.Drifted ? "drifted" : "stable")}."));
        }

        html.Append("</div>\n");
        SummaryTable(html, report);
        html.Append("<div class=\"charts\">\n");
        foreach (var feature in AllColumns(report).Where(f => f.Distribution.Labels.Count > 0))
        {
            html.Append("<figure>").Append(DriftChart.Svg(feature)).Append("<figcaption>")
                .Append(Encode(Caption(feature))).Append("</figcaption></figure>\n");
        }

        html.Append("</div>\n</body></html>\n");
        return html.ToString();
    }

    private static void SummaryTable(StringBuilder html, DriftReport report)
    {
        html.Append("<table><thead><tr><th>Feature</th><th>Type</th><th>Test</th><th>Statistic</th><th>p-value / distance</th>")
            .Append("<th>Threshold</th><th>PSI</th><th>Missing (ref → cur)</th><th>Drifted</th></tr></thead><tbody>\n");
        foreach (var f in AllColumns(report))
        {
            var name = f.IsPrediction ? $"{f.Column} (prediction)" : f.Column;
            html.Append("<tr><td>").Append(Encode(name)).Append("</td><td class=\"text\">").Append(f.Type.ToString().ToLowerInvariant())
                .Append("</td><td class=\"text\">").Append(f.Test.Name())
                .Append("</td><td>").Append(f.PValue is null ? "–" : Number(f.Statistic)).Append(f.DegreesOfFreedom is { } dof ? Invariant($" (dof {dof})") : string.Empty)
                .Append("</td><td>").Append(Number(f.Score))
                .Append("</td><td>").Append(Invariant($"{(f.Test.IsHypothesisTest() ? "p < " : "≥ ")}{f.Threshold:G3}"))
                .Append("</td><td>").Append(Number(f.Psi))
                .Append("</td><td>").Append(Invariant($"{f.ReferenceMissingRate:P1} → {f.CurrentMissingRate:P1}"))
                .Append("</td><td class=\"").Append(f.Drifted ? "yes\">yes" : "no\">no").Append("</td></tr>\n");
            if (f.Note is not null)
            {
                html.Append("<tr><td class=\"note\" colspan=\"9\">").Append(Encode(f.Note)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
    }

    private static IEnumerable<FeatureDrift> AllColumns(DriftReport report) =>
        report.Prediction is null ? report.Features : report.Features.Append(report.Prediction);

    private static string Caption(FeatureDrift f) =>
        Invariant($"{f.Column}: {f.Test.Name()} {(f.PValue is null ? "distance" : "p-value")} {Number(f.Score)}, PSI {Number(f.Psi)}, {(f.Drifted ? "drifted" : "no drift")}; {f.ReferenceCount:N0} reference and {f.CurrentCount:N0} current values.");

    private static string Number(double value) =>
        double.IsNaN(value) ? "–" : value != 0 && Math.Abs(value) < 1e-3 ? value.ToString("0.00E+0", CultureInfo.InvariantCulture) : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
