using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Raciflow.Tests.Governance;

/// <summary>A real HTTP endpoint on loopback (Kestrel, port 0) that records what it receives and fails the first N requests.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private WebhookListener(WebApplication app, int failFirst)
    {
        _app = app;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var call = Interlocked.Increment(ref _calls);
            if (call <= failFirst)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            Received.Enqueue(new ReceivedWebhook(body.ToArray(), context.Request.Headers["X-Raciflow-Signature"].ToString(), context.Request.Headers["X-Raciflow-Delivery"].ToString(), context.Request.ContentType));
            return Results.Ok();
        });
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public string Url => _app.Urls.First() + "/hook";

    /// <param name="failFirst">Answer 503 to this many requests first (int.MaxValue: always).</param>
    public static async Task<WebhookListener> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var listener = new WebhookListener(builder.Build(), failFirst);
        await listener._app.StartAsync();
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
