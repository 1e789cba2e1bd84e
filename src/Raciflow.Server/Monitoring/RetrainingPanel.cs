using Raciflow.Workflows.Retraining;
using Raciflow.Registry;
using Raciflow.Server.Web;

namespace Raciflow.Server.Monitoring;

/// <summary>
/// The monitoring page's "Retraining history" section: every challenger a retraining registered (the moves of the
/// challenger alias: when, which version, why, started by whom) and whether it now serves production.
/// </summary>
internal sealed class RetrainingPanel : IMonitoringPanel
{
    public string Title => "Retraining history";

    public int Order => 20;

    public async Task<Html> RenderAsync(WebRequest web, string model, CancellationToken cancellationToken)
    {
        var registry = new ModelRegistry(web.Workspace);
        var history = await registry.AliasHistoryAsync(model, RetrainingService.ChallengerAlias, cancellationToken);
        if (history.Count == 0)
        {
            return Html.Of($"<p class=\"muted\" id=\"no-retrainings\">No retraining yet ('raciflow retrain {model}', or retraining.on in raciflow.yaml).</p>");
        }

        var production = (await registry.ListAsync(cancellationToken)).FirstOrDefault(m => m.Name == model)?.Aliases.GetValueOrDefault(ModelAliases.Production);
        var rows = Html.Join(history.OrderByDescending(h => h.MovedAt).Where(h => h.To is not null).Select(h => Html.Of($"""
            <tr><td>{h.MovedAt:yyyy-MM-dd HH:mm:ss}</td><td><a href="/models/{Uri.EscapeDataString(model)}">{model}@{h.To}</a></td><td>{h.Reason ?? "–"}</td><td>{h.MovedBy}</td>
            <td>{(h.To == production ? "serving production" : "challenger (see approvals)")}</td></tr>
            """)));
        return Html.Of($"""
            <table id="retraining-list"><thead><tr><th>At (UTC)</th><th>Challenger</th><th>Why</th><th>Started by</th><th>Now</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """);
    }
}
