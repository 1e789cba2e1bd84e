using Raciflow.Governance.Authorization;
using Raciflow.Governance.Notifications;
using Raciflow.Server.Hosting;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

[Trait("Category", TestServices.Integration)]
public sealed class ServerNotificationDeliveryTests
{
    [Fact]
    public async Task ARunningServerDeliversTheOutboxToTheInboxWithoutADispatchCommand()
    {
        using var ws = await GovernanceWorkspace.CreateAsync(StoreKind.Local);
        var t = await ws.EnrolAsync(("owner", "business-stakeholder"), ("dana", "data-scientist"), ("max", "ml-engineer"), ("omar", "devops-engineer"));
        var app = ServerHost.Build(ws.Workspace, new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        try
        {
            // The request notifies the Accountable of packaging-deployment (max) that a decision waits for him.
            await ws.As(t["omar"]).RequestApprovalAsync(GovernedActions.ModelsAliasProduction, "churn@3 → production", """{"model":"churn","version":3,"alias":"production"}""", null);

            IReadOnlyList<InboxItem> inbox = [];
            for (var i = 0; i < 100 && inbox.Count == 0; i++)
            {
                await Task.Delay(200);
                inbox = await InboxService.ListAsync(ws.Workspace.Metadata, "max", unreadOnly: true);
            }

            Assert.NotEmpty(inbox);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
