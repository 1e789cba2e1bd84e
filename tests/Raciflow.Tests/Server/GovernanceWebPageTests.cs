using Microsoft.Playwright;
using Raciflow.Governance.Approvals;
using Raciflow.Governance.Authorization;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Support;
using Raciflow.Tests.Support.Browser;

namespace Raciflow.Tests.Server;

/// <summary>The governance pages in a real headless Chromium against the real server, over both stores.</summary>
[Trait("Category", TestServices.Integration)]
public sealed class GovernanceWebPageTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Arguments = """{"model":"churn","version":3}""";

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task AMemberSignsInWithTheirTokenAndSeesTheMatrixWithTheEdaWarning(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.Default);
        var t = await ws.EnrolAsync(("owner", "BS"), ("sam", "SME,DE"), ("dana", "DS,SWE"), ("max", "MLE,DevOps"));
        await using var server = await WebServer.StartAsync(ws.Workspace);
        var page = await chromium.NewPageAsync(server.BaseAddress);

        await page.GotoAsync("/raci");
        Assert.EndsWith("/login?returnUrl=%2Fraci", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=token]", t["dana"]);
        await PageNavigation.SubmitAsync(page, "button[type=submit]");

        Assert.EndsWith("/raci", page.Url, StringComparison.Ordinal);
        Assert.Contains("dana", await page.InnerTextAsync("header .user"), StringComparison.Ordinal);
        var warning = await page.InnerTextAsync("#raci-findings");
        Assert.Contains("eda has no Accountable", warning, StringComparison.Ordinal);
        Assert.Contains("Suggested fix: e.g. make data-scientist RA", warning, StringComparison.Ordinal);
        Assert.Equal("RA", await page.InnerTextAsync("#raci-matrix tr:has(th:text-is('problem-definition')) td.a"));
        Assert.DoesNotContain(t["dana"], await page.ContentAsync(), StringComparison.Ordinal);
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "raciflow_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.NotEqual(t["dana"], session.Value);

        await PageNavigation.SubmitAsync(page, "header form[action='/logout'] button");
        await page.GotoAsync("/my-tasks");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Local)]
    [InlineData(StoreKind.Production)]
    public async Task OnlyTheAccountableGetsApproveButtonsAndAHandMadePostByAnotherMemberIsRefused(StoreKind kind)
    {
        using var ws = await GovernanceWorkspace.CreateAsync(kind, GovernanceYaml.FixedWith("gates:\n  - action: package\n    separation_of_duties: true"));
        var t = await ws.EnrolAsync(("owner", "BS"), ("dana", "DS"), ("max", "MLE"), ("devin", "DevOps"));
        var request = await ws.As(t["devin"]).RequestApprovalAsync(GovernedActions.Package, "churn v3", Arguments, """{"r2":0.91,"kpi":"r2 >= 0.8 passed"}""");
        await using var server = await WebServer.StartAsync(ws.Workspace);

        // dana (data scientist) is Consulted on packaging-deployment: she may comment but not decide.
        var dana = await SignInAsync(server, t["dana"]);
        await dana.GotoAsync($"/approvals/{request.Id}");
        Assert.Equal("pending", await dana.TextContentAsync("#approval-status"));
        Assert.Contains("0.91", await dana.InnerTextAsync("#evidence"), StringComparison.Ordinal);
        Assert.Equal(0, await dana.Locator("#approve").CountAsync());
        Assert.Equal(0, await dana.Locator("#reject").CountAsync());
        Assert.Contains("Only the Accountable of packaging-deployment", await dana.InnerTextAsync("#not-accountable"), StringComparison.Ordinal);
        await dana.FillAsync("#comment-form textarea[name=text]", "<b>metrics</b> look right");
        await PageNavigation.SubmitAsync(dana, "#comment-form button");
        Assert.Contains("<b>metrics</b> look right", await dana.InnerTextAsync("#comments"), StringComparison.Ordinal); // shown as text, not markup

        // A hand-made approve with dana's valid session and antiforgery token: refused by the governance core.
        var token = await dana.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forged = await dana.APIRequest.PostAsync($"/approvals/{request.Id}/approve", new() { Form = Form(dana, ("comment", "mine now"), (WebForms.AntiforgeryField, token!)), MaxRedirects = 0 });
        Assert.Equal(403, forged.Status);
        Assert.Contains("may not do 'approvals.approve'", System.Net.WebUtility.HtmlDecode(await forged.TextAsync()), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await ws.Anonymous.Approvals.GetAsync(request.Id)).Status);

        // max (ML engineer) is the Accountable: he sees the buttons and approves through the page.
        var max = await SignInAsync(server, t["max"]);
        await max.GotoAsync("/my-tasks");
        Assert.Contains($"#{request.Id}", await max.InnerTextAsync("#to-decide"), StringComparison.Ordinal);
        await max.GotoAsync($"/approvals/{request.Id}");
        await max.FillAsync("#decision-form input[name=comment]", "KPIs met");
        await PageNavigation.SubmitAsync(max, "#approve");
        Assert.Equal("approved", await max.TextContentAsync("#approval-status"));
        Assert.Equal(0, await max.Locator("#approve").CountAsync());
        var decided = await ws.Anonymous.Approvals.GetAsync(request.Id);
        Assert.Equal((ApprovalStatus.Approved, "max", "KPIs met"), (decided.Status, decided.DecidedBy, decided.DecisionComment));

        // The decision reaches the inbox once the outbox is dispatched, and the audit page shows an intact chain.
        using (var http = new HttpClient())
        {
            await ws.Anonymous.DispatchAsync(http);
        }

        // devin (DevOps, Responsible) is told of the decision.
        var devin = await SignInAsync(server, t["devin"]);
        await devin.GotoAsync("/inbox");
        Assert.Contains($"max approved approval {request.Id}", await devin.InnerTextAsync("#inbox"), StringComparison.Ordinal);
        await PageNavigation.SubmitAsync(devin, "text=Mark all read");
        Assert.Equal(1, await devin.Locator("#inbox-empty").CountAsync());

        await devin.GotoAsync("/audit?actor=dana");
        Assert.StartsWith("Audit chain intact", await devin.InnerTextAsync("#audit-chain"), StringComparison.Ordinal);
        var actors = await devin.Locator("#audit tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.Equal("dana", a));
        Assert.Contains("approvals.approve", await devin.InnerTextAsync("#audit tbody tr.denied"), StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(WebServer server, string token)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=token]", token);
        await PageNavigation.SubmitAsync(page, "button[type=submit]");
        Assert.EndsWith("/raci", page.Url, StringComparison.Ordinal);
        return page;
    }

    private static IFormData Form(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
