using Microsoft.Extensions.Hosting;
using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Server.Serving;

/// <summary>
/// Writes what the prediction log still queues when the server stops, while the workspace's stores are still open
/// (hosted services stop before the host's stopped callbacks close the workspace). Bounded by the host's shutdown timeout.
/// </summary>
internal sealed class PredictionLogShutdownService(PredictionLogger logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => logger.DisposeAsync().AsTask().WaitAsync(cancellationToken);
}
