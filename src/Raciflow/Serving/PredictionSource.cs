namespace Raciflow.Serving;

/// <summary>
/// Where a prediction request came from. The prediction log keeps it, so monitoring can tell production traffic from
/// people trying the web form (drift windows leave the form out unless <c>monitoring.drift.include_web_form</c>).
/// </summary>
public enum PredictionSource
{
    /// <summary>The HTTP API (<c>POST …/predict</c>), from a full server or a serve-only container.</summary>
    Api,

    /// <summary>The web page's prediction form (<c>/predict/{model}</c>).</summary>
    WebForm,
}
