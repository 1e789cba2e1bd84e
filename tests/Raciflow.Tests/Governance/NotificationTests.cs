using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raciflow.Governance;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Notifications;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

[Trait("Category", TestServices.Integration)]
public sealed class NotificationTests
{
    private const string Secret = "s3cret-for-tests";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnActionNotifiesTheRolesTheMatrixNamesInTheSameTransactionAsItsAuditEvent(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var dana = ws.As(t["dana"]);
        var audit = await dana.AuditAsync(await dana.AuthorizeAsync(GovernedActions.ModelsRegister, "churn v3"), null, "version 3 from run 42");

        // training-evaluation: BS I, SME R, DE I, DS RA (the actor), MLE C (not consulted for a plain action).
        var outbox = await Outbox(ws, audit.Sequence);
        Assert.Equal([("owner", NotificationReasons.Informed), ("sam", NotificationReasons.Informed)], outbox.Select(m => (m.Recipient, m.Reason)).Order());
        Assert.All(outbox, m => Assert.Equal(NotificationChannels.Inbox, m.Channel));
        Assert.All(outbox, m => Assert.Null(m.DeliveredAt));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AnApprovalRequestAsksTheAccountableToActAndConsultsTheCRoles(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        await ws.As(t["olga"]).RequestApprovalAsync(GovernedActions.ModelsAliasProduction, "churn v3", "{}", null);
        await using var db = ws.Workspace.Metadata.CreateContext();
        var outbox = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Event == "approval.requested").ToListAsync();
        // packaging-deployment: BS I, SME I, DE I, DS C, SWE C, MLE RA, DevOps R (the requester).
        Assert.Equal(
            [("dana", NotificationReasons.Consulted), ("max", NotificationReasons.Act), ("owner", NotificationReasons.Informed), ("sam", NotificationReasons.Informed)],
            outbox.Select(m => (m.Recipient, m.Reason)).Order());
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task WorkThatFailsLeavesNeitherAuditNorNotification(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ws.As(t["dana"]).PerformAsync<int>(GovernedActions.Train, "churn", _ => throw new InvalidOperationException("trainer crashed")));
        await using var db = ws.Workspace.Metadata.CreateContext();
        Assert.False(await db.Set<AuditEvent>().AnyAsync(e => e.Action == GovernedActions.Train));
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Event == GovernedActions.Train));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task MessagesLeftUndeliveredAreDeliveredByTheNextDispatcherRunExactlyOnce(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var dana = ws.As(t["dana"]);
        await dana.AuditAsync(await dana.AuthorizeAsync(GovernedActions.ModelsRegister, "churn v3"), null, "v3");

        // The process that did the action "died" before dispatching; another one opens the store and delivers.
        var later = await ws.ReopenAsync();
        var first = await new NotificationDispatcher(later, Http).DispatchAsync();
        Assert.True(first.Delivered >= 2);
        Assert.Equal(0, first.DeadLettered);
        var second = await new NotificationDispatcher(later, Http).DispatchAsync();
        Assert.Equal(0, second.Total);

        var inbox = await InboxService.ListAsync(later.Metadata, "sam", unreadOnly: true);
        var item = Assert.Single(inbox, i => i.Event == GovernedActions.ModelsRegister);
        Assert.Equal("dana (data-scientist) did models.register on churn v3: v3", item.Text);
        Assert.Equal(NotificationReasons.Informed, item.Reason);

        Assert.Equal(inbox.Count, await InboxService.MarkReadAsync(later.Metadata, "sam", [], later.UtcNow));
        Assert.Empty(await InboxService.ListAsync(later.Metadata, "sam", unreadOnly: true));
        Assert.Equal(inbox.Count, (await InboxService.ListAsync(later.Metadata, "sam", unreadOnly: false)).Count);
        var notMine = await Assert.ThrowsAsync<RaciflowException>(() => InboxService.MarkReadAsync(later.Metadata, "owner", [item.Id], later.UtcNow));
        Assert.Equal(ErrorKind.NotFound, notMine.Kind);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task DispatchersRunningAtTheSameTimeDeliverEachInboxMessageOnceAndNeitherFails(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind);
        var t = await Team(ws);
        var dana = ws.As(t["dana"]);
        for (var i = 0; i < 10; i++)
        {
            await dana.AuditAsync(await dana.AuthorizeAsync(GovernedActions.ModelsRegister, $"churn v{i}"), null, $"v{i}");
        }

        // The server's dispatcher and a 'notifications dispatch' (or a second server) race over the same outbox.
        var processes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ws.ReopenAsync()));
        await Task.WhenAll(processes.Select(p => Task.Run(() => new NotificationDispatcher(p, Http).DispatchAsync())));

        await using var db = ws.Workspace.Metadata.CreateContext();
        var inboxMessages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Channel == NotificationChannels.Inbox).ToListAsync();
        Assert.Equal(20, inboxMessages.Count(m => m.Event == GovernedActions.ModelsRegister)); // owner and sam are told of each
        Assert.All(inboxMessages, m => Assert.NotNull(m.DeliveredAt));
        var items = await db.Set<InboxItem>().AsNoTracking().ToListAsync();
        Assert.Equal(inboxMessages.Select(m => m.Id).Order(), items.Select(i => i.OutboxMessageId).Order());
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task RoleWebhooksReceiveSignedJson(StoreKind kind)
    {
        await using var listener = await WebhookListener.StartAsync();
        using var ws = await GovernanceWorkspace.CreateAsync(kind, WithWebhook(listener.Url, "role: ml-engineer"));
        var t = await Team(ws);
        await ws.As(t["olga"]).RequestApprovalAsync(GovernedActions.ModelsAliasProduction, "churn v3", "{}", null);

        var report = await ws.As(t["olga"]).DispatchAsync(Http);
        Assert.Equal(0, report.DeadLettered);
        var received = Assert.Single(listener.Received);
        Assert.True(WebhookSignature.Verify(Secret, received.Body, received.Signature), "the signature must verify with the configured secret");
        Assert.False(WebhookSignature.Verify("wrong secret", received.Body, received.Signature));
        Assert.False(WebhookSignature.Verify(Secret, [.. received.Body, (byte)' '], received.Signature));
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(received.Body);
        var root = json.RootElement;
        Assert.Equal("approval.requested", root.GetProperty("event").GetString());
        Assert.Equal("act", root.GetProperty("reason").GetString());
        Assert.Equal("olga", root.GetProperty("actor").GetString());
        Assert.Equal(received.DeliveryId, root.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["ml-engineer"], root.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void TheSignatureIsHmacSha256OfTheBody()
    {
        // Known answer from RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        var body = System.Text.Encoding.ASCII.GetBytes("what do ya want for nothing?");
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", WebhookSignature.Sign("Jefe", body));
        Assert.True(WebhookSignature.Verify("Jefe", body, "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        Assert.False(WebhookSignature.Verify("Jefe", body, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        Assert.False(WebhookSignature.Verify("Jefe", body, null));
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AWebhookThatFailsAtFirstIsRetriedWithBackoffUntilItAccepts(StoreKind kind)
    {
        await using var listener = await WebhookListener.StartAsync(failFirst: 2);
        using var ws = await GovernanceWorkspace.CreateAsync(kind, WithWebhook(listener.Url, "member: max", maxAttempts: 4));
        var t = await Team(ws);
        await ws.As(t["olga"]).RequestApprovalAsync(GovernedActions.ModelsAliasProduction, "churn v3", "{}", null);

        var report = await ws.Anonymous.DispatchAsync(Http);
        Assert.Equal(0, report.DeadLettered);
        Assert.Equal(3, listener.Calls);
        Assert.Single(listener.Received);
        var hook = await Webhooks(ws);
        var message = Assert.Single(hook);
        Assert.Equal(3, message.Attempts);
        Assert.NotNull(message.DeliveredAt);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AWebhookThatAlwaysFailsIsDeadLetteredWithTheReason(StoreKind kind)
    {
        await using var listener = await WebhookListener.StartAsync(failFirst: int.MaxValue);
        using var ws = await GovernanceWorkspace.CreateAsync(kind, WithWebhook(listener.Url, "role: ml-engineer", maxAttempts: 3));
        var t = await Team(ws);
        await ws.As(t["olga"]).RequestApprovalAsync(GovernedActions.ModelsAliasProduction, "churn v3", "{}", null);

        var report = await ws.Anonymous.DispatchAsync(Http);
        Assert.Equal(1, report.DeadLettered);
        Assert.Equal(3, listener.Calls);
        var message = Assert.Single(await Webhooks(ws));
        Assert.NotNull(message.DeadLetteredAt);
        Assert.Null(message.DeliveredAt);
        Assert.Equal(3, message.Attempts);
        Assert.Equal($"gave up after 3 attempt(s): {listener.Url} answered 503 Service Unavailable", message.LastError);

        // Dead letters stay put: the next run does not retry them.
        Assert.Equal(0, (await ws.Anonymous.DispatchAsync(Http)).DeadLettered);
        Assert.Equal(3, listener.Calls);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AWebhookWithoutItsSecretIsDeadLetteredNamingTheVariable(StoreKind kind)
    {
        await using var listener = await WebhookListener.StartAsync();
        var yaml = GovernanceYaml.FixedWith("gates: []", $"""
            notifications:
              webhooks:
                - url: {listener.Url}
                  role: ml-engineer
                  secret_env: RACIFLOW_TEST_UNSET_SECRET_{Guid.NewGuid():N}
            """);
        using var ws = await GovernanceWorkspace.CreateAsync(kind, yaml);
        var t = await Team(ws);
        await ws.As(t["dana"]).AuditAsync(await ws.As(t["dana"]).AuthorizeAsync(GovernedActions.Train, "churn"), null, "run 1");
        var report = await ws.Anonymous.DispatchAsync(Http);
        Assert.Equal(1, report.DeadLettered);
        Assert.Equal(0, listener.Calls);
        Assert.Contains("RACIFLOW_TEST_UNSET_SECRET_", Assert.Single(await Webhooks(ws)).LastError, StringComparison.Ordinal);
    }

    private static string WithWebhook(string url, string selector, int maxAttempts = 5) => GovernanceYaml.FixedWith("gates: []", $"""
        notifications:
          max_attempts: {maxAttempts}
          retry_delay_seconds: 0.01
          webhooks:
            - url: {url}
              {selector}
              secret: {Secret}
        """);

    /// <summary>owner (BS, admin), dana (DS), max (MLE), olga (DevOps), sam (SME, DE).</summary>
    private static Task<Dictionary<string, string>> Team(GovernanceWorkspace ws) =>
        ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"), ("olga", "DevOps"), ("sam", "SME,DE"));

    private static async Task<List<OutboxMessage>> Outbox(GovernanceWorkspace ws, long sequence)
    {
        await using var db = ws.Workspace.Metadata.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.AuditSequence == sequence).ToListAsync();
    }

    private static async Task<List<OutboxMessage>> Webhooks(GovernanceWorkspace ws)
    {
        await using var db = ws.Workspace.Metadata.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Channel == NotificationChannels.Webhook).ToListAsync();
    }
}
