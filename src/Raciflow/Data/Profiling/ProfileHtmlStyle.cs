namespace Raciflow.Data.Profiling;

/// <summary>The report's only stylesheet, inlined so the page opens offline with no external CSS or fonts.</summary>
internal static class ProfileHtmlStyle
{
    public const string Css = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #2f6fde; --warn: #b54708; --bg: #f5f7fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.45; }
        header { background: #102a43; color: #fff; padding: 20px 32px 12px; }
        header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; }
        header p { margin: 0 0 10px; color: #bcccdc; font-size: 13px; }
        nav a { color: #d9e2ec; margin-right: 18px; font-size: 14px; text-decoration: none; border-bottom: 1px solid transparent; }
        nav a:hover { border-bottom-color: #d9e2ec; }
        main { padding: 8px 32px 40px; max-width: 1400px; }
        section { margin-top: 28px; }
        h2 { font-size: 19px; font-weight: 600; border-bottom: 2px solid var(--line); padding-bottom: 6px; }
        h3 { font-size: 16px; margin: 0 0 10px; font-weight: 600; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 18px; min-width: 150px; }
        .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .value { font-size: 22px; font-weight: 600; }
        .card .sub { color: var(--muted); font-size: 12px; }
        table { border-collapse: collapse; background: #fff; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: right; white-space: nowrap; }
        th { background: #f0f4f8; font-weight: 600; }
        th:first-child, td:first-child, td.text { text-align: left; }
        .scroll { overflow-x: auto; }
        article.column { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 14px 0; }
        .type { display: inline-block; font-size: 11px; font-weight: 500; color: #fff; background: var(--accent); border-radius: 10px; padding: 1px 8px; margin-left: 8px; vertical-align: middle; }
        .row { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
        .row table { min-width: 240px; }
        figure { margin: 0; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figure.chart svg { image-rendering: pixelated; } /* heatmap cells are one pixel each, scaled up: keep their edges sharp */
        .warn { color: var(--warn); }
        .note { color: var(--muted); font-size: 13px; }
        footer { color: var(--muted); font-size: 12px; padding: 16px 32px; }
        """;
}
