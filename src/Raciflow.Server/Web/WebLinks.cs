using System.Globalization;
using Raciflow.Data;

namespace Raciflow.Server.Web;

/// <summary>The addresses of the lifecycle pages and links to them, so every page links a run, a dataset version or a model version the same way.</summary>
public static class WebLinks
{
    public static string RunPath(string runId) => "/runs/" + Uri.EscapeDataString(runId);

    public static string DatasetPath(string name) => "/datasets/" + Uri.EscapeDataString(name);

    public static string DatasetVersionPath(string name, int number) => $"{DatasetPath(name)}/{number.ToString(CultureInfo.InvariantCulture)}";

    public static string ModelPath(string name) => "/models/" + Uri.EscapeDataString(name);

    public static string ModelVersionPath(string name, int version) => $"{ModelPath(name)}/versions/{version.ToString(CultureInfo.InvariantCulture)}";

    public static string PredictPath(string model) => "/predict/" + Uri.EscapeDataString(model);

    public static Html Run(string runId, string? text = null) => Html.Of($"<a href=\"{RunPath(runId)}\">{text ?? Short(runId)}</a>");

    /// <summary>A link to a dataset version named by its label (NAME@NUMBER), as lineage records carry it.</summary>
    public static Html DatasetVersion(string label)
    {
        var reference = DatasetRef.Parse(label);
        return int.TryParse(reference.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Html.Of($"<a href=\"{DatasetVersionPath(reference.Name, number)}\">{label}</a>")
            : Html.Encode(label);
    }

    public static Html ModelVersion(string name, int version) => Html.Of($"<a href=\"{ModelVersionPath(name, version)}\">{name}@{version}</a>");

    /// <summary>Run ids are long hex strings; the first 8 characters name a run in practice (the CLI takes prefixes too).</summary>
    public static string Short(string runId) => runId.Length > 8 ? runId[..8] : runId;
}
