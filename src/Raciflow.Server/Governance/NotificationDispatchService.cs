using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Raciflow.Governance.Notifications;
using Raciflow.Workspaces;

namespace Raciflow.Server.Governance;

/// <summary>
/// Delivers the outbox while the server runs (inbox rows and webhooks), so members see notifications without anyone
/// running 'raciflow notifications dispatch'. The outbox is durable: what a stop interrupts is delivered next time.
/// </summary>
internal sealed partial class NotificationDispatchService(Workspace workspace, TimeSpan interval, ILogger<NotificationDispatchService> logger) : BackgroundService
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await new NotificationDispatcher(workspace, Http).DispatchAsync(cancellationToken: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailure(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notifications failed; they stay in the outbox for the next attempt: {Reason}")]
    private partial void LogFailure(string reason);
}
