namespace Raciflow.Server.Web;

/// <summary>
/// A section a capability adds to a model's monitoring page (open alerts, the retraining history, …): register an
/// implementation in DI and the page renders it, in <see cref="Order"/>, under its own heading. The page knows
/// nothing of the capability, so a server without it simply shows no such section.
/// </summary>
public interface IMonitoringPanel
{
    /// <summary>The section heading, e.g. "Alerts"; its lower-case form (spaces as '-') is the section's id.</summary>
    string Title { get; }

    /// <summary>Sections are shown by ascending order after the page's own charts and drift table.</summary>
    int Order { get; }

    /// <summary>The section body for <paramref name="model"/>; the heading is added by the page.</summary>
    Task<Html> RenderAsync(WebRequest web, string model, CancellationToken cancellationToken);
}
