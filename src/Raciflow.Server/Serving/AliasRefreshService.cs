using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Raciflow.Serving;

namespace Raciflow.Server.Serving;

/// <summary>
/// Loads the served aliases at start and re-reads them on an interval, so an alias moved from another process (the
/// CLI, another server) is served within that time; moves made through this server are applied at once.
/// </summary>
internal sealed partial class AliasRefreshService(ServedModels models, ServingMetrics metrics, TimeSpan interval, ILogger<AliasRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        models.AliasMoved += (alias, before, after) =>
        {
            metrics.AliasSwaps.WithLabels(alias.Model, alias.Alias).Inc();
            metrics.Served.WithLabels(alias.Model, alias.Alias).Set(after.Version);
            LogSwap(alias.Model, alias.Alias, before?.Version.ToString(CultureInfo.InvariantCulture) ?? "none", after.Version);
        };
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await models.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The old table keeps serving; the next tick tries again.
                LogFailure(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Model}@{Alias}: version {From} → {To}")]
    private partial void LogSwap(string model, string alias, string from, int to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the served aliases failed; still serving the previous ones: {Reason}")]
    private partial void LogFailure(string reason);
}
