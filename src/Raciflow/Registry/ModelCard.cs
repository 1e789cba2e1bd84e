using System.Globalization;
using System.Text;
using Raciflow.Data;
using Raciflow.Projects;
using Raciflow.Training;

namespace Raciflow.Registry;

/// <summary>
/// The model card of a version as Markdown: what problem it solves and how success is judged (raciflow.yaml), what
/// it was trained on, how well it did, what it accepts, how it is meant to be used and where it should not be.
/// Generated from recorded facts only, so it cannot drift from the registry.
/// </summary>
public static class ModelCard
{
    public static string Render(ModelLineage lineage, ProjectConfig? project)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        var v = lineage.Version;
        var md = new StringBuilder();
        Line(md, $"# Model card: {v.Label}");
        Line(md);
        Line(md, $"{Describe(v.Task)} model predicting `{v.Target}` with **{v.Algorithm}**, registered by {v.CreatedBy} on {v.CreatedAt:yyyy-MM-dd HH:mm} UTC"
            + (v.Aliases.Count > 0 ? $"; aliases: {string.Join(", ", v.Aliases.Select(a => $"`{a}`"))}." : "."));
        if (!string.IsNullOrWhiteSpace(v.Description))
        {
            Line(md);
            Line(md, v.Description!);
        }

        Problem(md, project, v);
        Data(md, lineage);
        Metrics(md, v);
        Inputs(md, v.Signature);
        Use(md, v, project);
        return md.ToString();
    }

    private static void Problem(StringBuilder md, ProjectConfig? project, ModelVersionDetails v)
    {
        Line(md);
        Line(md, "## Problem and success criteria");
        Line(md);
        Line(md, string.IsNullOrWhiteSpace(project?.Problem.Statement) ? "_No problem statement in raciflow.yaml._" : project!.Problem.Statement.Trim());
        var kpis = KpiEvaluator.EvaluateOnTest(project?.Problem.Kpis ?? [], v.Metrics);
        Line(md);
        if (kpis.Count == 0)
        {
            Line(md, "_The project declares no KPIs._");
            return;
        }

        Line(md, "| KPI | measured on the test rows | verdict |");
        Line(md, "|---|---|---|");
        foreach (var k in kpis)
        {
            Line(md, $"| {k.Rule} | {Number(k.Actual)} | {(k.Passed ? "pass" : "FAIL")} |");
        }
    }

    private static void Data(StringBuilder md, ModelLineage lineage)
    {
        Line(md);
        Line(md, "## Training data and lineage");
        Line(md);
        Line(md, $"- Run: `{lineage.Run.Id}` ({lineage.Run.Name}, experiment {lineage.Run.Experiment}, started by {lineage.Run.StartedBy})");
        if (lineage.Run.GitCommit is { } commit)
        {
            Line(md, $"- Code: git commit `{commit}`{(lineage.Run.GitDirty == true ? " with uncommitted changes" : string.Empty)}");
        }

        if (lineage.Dataset is { } d)
        {
            Line(md, $"- Dataset: `{d.Label}` from {d.SourceName} ({d.SourceFormat}, {d.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows), source SHA-256 `{d.SourceSha256}`");
        }

        if (lineage.Split is { } s)
        {
            Line(md, $"- Split {s.Id} (seed {s.Seed}): {s.TrainRows} train, {s.ValidationRows} validation, {s.TestRows} test rows; indices SHA-256 `{s.Sha256[..12]}…`");
        }

        Line(md, $"- Bundle: SHA-256 `{lineage.Version.BundleSha256}`, {lineage.Version.BundleSize.ToString("N0", CultureInfo.InvariantCulture)} bytes");
    }

    private static void Metrics(StringBuilder md, ModelVersionDetails v)
    {
        Line(md);
        Line(md, "## Metrics");
        Line(md);
        Line(md, "| metric | value |");
        Line(md, "|---|---|");
        foreach (var (name, value) in v.Metrics.Where(m => !m.Key.StartsWith("trial_", StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Line(md, $"| {name} | {Number(value)} |");
        }
    }

    private static void Inputs(StringBuilder md, ModelSignature signature)
    {
        Line(md);
        Line(md, "## Inputs (signature)");
        Line(md);
        Line(md, "| input | type | missing allowed | seen in training |");
        Line(md, "|---|---|---|---|");
        foreach (var f in signature.Inputs)
        {
            var seen = f.Categories is { } c
                ? string.Join(", ", c.Take(12)) + (c.Count > 12 || f.CategoriesTruncated ? ", …" : string.Empty)
                : f.Min is { } min && f.Max is { } max ? $"{Number(min)} to {Number(max)}" : string.Empty;
            Line(md, $"| {f.Name} | {f.Type.ToString().ToLowerInvariant()} | {(f.Nullable ? "yes" : "no")} | {seen} |");
        }

        Line(md);
        Line(md, signature.Task == TaskKind.Regression
            ? $"Output: a number, the predicted `{signature.Target}`."
            : $"Output: the predicted `{signature.Target}` class ({string.Join(", ", signature.Classes)}) and the probability of each class.");
    }

    private static void Use(StringBuilder md, ModelVersionDetails v, ProjectConfig? project)
    {
        Line(md);
        Line(md, "## Intended use");
        Line(md);
        Line(md, string.IsNullOrWhiteSpace(project?.Problem.Statement)
            ? $"Predicting `{v.Target}` for rows like the training data."
            : $"The use stated in the problem definition above, for rows like the training data of `{v.Dataset ?? "this run"}`.");
        Line(md);
        Line(md, "## Limitations");
        Line(md);
        Line(md, "- Numeric inputs outside the ranges seen in training are extrapolation: the server accepts them but counts them, and their predictions deserve less trust.");
        Line(md, "- Categories not seen in training are mapped to an \"other\" bucket the model learned from rare values; frequent new categories call for retraining.");
        Line(md, "- The metrics were measured on held-out rows of one dataset version; monitoring (drift, feedback) tells whether they still hold in production.");
        if (v.Signature.Inputs.Any(f => f.Type is ColumnType.Text))
        {
            Line(md, "- Free-text inputs are encoded by word counts; wording unlike the training text weakens predictions.");
        }
    }

    private static string Describe(TaskKind task) => task switch
    {
        TaskKind.Regression => "A regression",
        TaskKind.Binary => "A binary classification",
        _ => "A multiclass classification",
    };

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
