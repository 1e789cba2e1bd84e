using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.Retry;
using Raciflow.Projects;
using Raciflow.Workspaces;

namespace Raciflow.Governance.Notifications;

/// <summary>
/// Delivers pending outbox messages: inbox messages become inbox items (in one transaction with marking the message
/// delivered), webhook messages are POSTed as signed JSON with exponential-backoff retries (Polly) and dead-lettered
/// with the reason after the configured number of attempts. Anything left pending by a crash is picked up by the
/// next run. Delivery is at least once; receivers dedupe on the <c>X-Raciflow-Delivery</c> id.
/// </summary>
public sealed class NotificationDispatcher(Workspace workspace, HttpClient http)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    public async Task<DispatchReport> DispatchAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        List<OutboxMessage> pending;
        await using (var db = workspace.Metadata.CreateContext())
        {
            pending = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.DeliveredAt == null && m.DeadLetteredAt == null)
                .OrderBy(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        }

        int delivered = 0, dead = 0;
        foreach (var message in pending)
        {
            var outcome = message.Channel == NotificationChannels.Inbox
                ? await DeliverToInboxAsync(message, cancellationToken)
                : await DeliverToWebhookAsync(message, cancellationToken);
            if (outcome)
            {
                delivered++;
            }
            else
            {
                dead++;
            }
        }

        return new DispatchReport(delivered, dead);
    }

    private async Task<bool> DeliverToInboxAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<NotificationPayload>(message.PayloadJson, Notifier.Json)!;
        return await GovernanceTransaction.RunAsync(workspace.Metadata, async db =>
        {
            if (!await db.Set<InboxItem>().AnyAsync(i => i.OutboxMessageId == message.Id, cancellationToken))
            {
                db.Add(new InboxItem
                {
                    Member = message.Recipient,
                    OutboxMessageId = message.Id,
                    Reason = message.Reason,
                    Task = message.Task,
                    Event = message.Event,
                    Text = payload.Text,
                    CreatedAt = message.CreatedAt,
                });
            }

            await MarkAsync(db, message.Id, delivered: true, attempts: 1, error: null, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <returns>True when delivered, false when dead-lettered.</returns>
    private async Task<bool> DeliverToWebhookAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var config = workspace.Project?.Notifications ?? new NotificationsConfig();
        var hook = config.Webhooks.FirstOrDefault(h => h.Url == message.Recipient);
        var secret = hook?.SecretEnv is { Length: > 0 } env ? Environment.GetEnvironmentVariable(env) : hook?.Secret;
        if (hook is null || string.IsNullOrEmpty(secret))
        {
            var why = hook is null
                ? $"webhook {message.Recipient} is no longer configured under notifications.webhooks in raciflow.yaml"
                : $"webhook {message.Recipient} has no secret: set {(hook.SecretEnv is { Length: > 0 } name ? "the environment variable " + name : "secret_env or secret")} in raciflow.yaml";
            await MarkWithRetryAsync(message.Id, delivered: false, attempts: message.Attempts, why, cancellationToken);
            return false;
        }

        var payload = JsonSerializer.Deserialize<NotificationPayload>(message.PayloadJson, Notifier.Json)! with { Id = message.Id };
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Notifier.Json);
        var signature = WebhookSignature.Sign(secret, body);
        var attempts = 0;
        var pipeline = RetryPipeline(config);
        try
        {
            await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var request = new HttpRequestMessage(HttpMethod.Post, message.Recipient) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = JsonType;
                    request.Headers.Add(WebhookSignature.Header, signature);
                    request.Headers.Add(WebhookSignature.DeliveryHeader, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    using var response = await http.SendAsync(request, token);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new WebhookDeliveryException($"{message.Recipient} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                    }
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or WebhookDeliveryException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = $"gave up after {attempts} attempt(s): {ex.Message}";
            await MarkWithRetryAsync(message.Id, delivered: false, attempts: message.Attempts + attempts, reason, cancellationToken);
            return false;
        }

        await MarkWithRetryAsync(message.Id, delivered: true, attempts: message.Attempts + attempts, error: null, cancellationToken);
        return true;
    }

    private ResiliencePipeline RetryPipeline(NotificationsConfig config)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = workspace.Clock };
        if (config.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<WebhookDeliveryException>().Handle<TaskCanceledException>(),
                MaxRetryAttempts = config.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(Math.Max(0, config.RetryDelaySeconds)),
                UseJitter = false,
            });
        }

        return builder.Build();
    }

    private Task MarkWithRetryAsync(long id, bool delivered, int attempts, string? error, CancellationToken cancellationToken) =>
        GovernanceTransaction.RunAsync(workspace.Metadata, async db =>
        {
            await MarkAsync(db, id, delivered, attempts, error, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task MarkAsync(Storage.Metadata.RaciflowDbContext db, long id, bool delivered, int attempts, string? error, CancellationToken cancellationToken)
    {
        var row = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, cancellationToken);
        row.Attempts = attempts;
        row.LastError = error;
        if (delivered)
        {
            row.DeliveredAt = workspace.UtcNow;
        }
        else
        {
            row.DeadLetteredAt = workspace.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
