namespace Raciflow.Projects;

/// <summary>The <c>serving</c> section of raciflow.yaml.</summary>
public sealed class ServingConfig
{
    /// <summary>Models whose predict endpoints answer without a bearer token (e.g. a public web form).</summary>
    public List<string> PublicModels { get; set; } = [];

    /// <summary>How often the server re-reads the aliases, so a move made elsewhere (CLI) is served within this time.</summary>
    public double AliasRefreshSeconds { get; set; } = 2;

    /// <summary>Models whose predictions are not written to the prediction log (e.g. personal data).</summary>
    public List<string> UnloggedModels { get; set; } = [];

    /// <summary>
    /// Characters a text value of a prediction request may have (a category, a date); longer is a 422 naming the
    /// field, never echoed or logged.
    /// </summary>
    public int MaxTextLength { get; set; } = Serving.Inputs.InputLimits.DefaultMaxTextLength;
}
