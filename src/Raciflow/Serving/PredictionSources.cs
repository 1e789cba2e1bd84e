namespace Raciflow.Serving;

/// <summary>The names <see cref="PredictionSource"/> values have in the prediction log and in metrics.</summary>
public static class PredictionSources
{
    public const string Api = "api";

    public const string WebForm = "web-form";

    public static string Name(this PredictionSource source) => source == PredictionSource.WebForm ? WebForm : Api;

    /// <summary>A logged name back to its source; anything else (an older file without the column) is the API.</summary>
    public static PredictionSource Parse(string? name) => name == WebForm ? PredictionSource.WebForm : PredictionSource.Api;
}
