using Microsoft.Playwright;

namespace Raciflow.Tests.Support.Browser;

/// <summary>
/// Waits for the page a click navigates to by asking the document itself. Waiting on Playwright's load-state events
/// after the response (response, then WaitForLoadState) timed out in CI under load although the page had loaded: the
/// answer page is a new document, and the old document's window mark is gone only once it has replaced it.
/// </summary>
public static class PageNavigation
{
    private const string StaleMark = "__raciflowPreviousDocument";

    /// <summary>Clicks <paramref name="selector"/>, which posts a form; returns the response to the POST once the resulting page has loaded.</summary>
    public static Task<IResponse> SubmitAsync(IPage page, string selector) => NavigateAsync(page, page.Locator(selector), "POST");

    /// <summary>Clicks a form's button; returns the response to the POST (a redirect, if it answers with one) once the resulting page has loaded.</summary>
    public static Task<IResponse> SubmitAsync(IPage page, ILocator button) => NavigateAsync(page, button, "POST");

    /// <summary>Clicks a link; returns the response for the page it leads to once that page, images included, has loaded.</summary>
    public static Task<IResponse> FollowAsync(IPage page, string selector) => NavigateAsync(page, page.Locator(selector), "GET");

    private static async Task<IResponse> NavigateAsync(IPage page, ILocator target, string method)
    {
        await page.EvaluateAsync($"() => {{ window.{StaleMark} = true; }}");
        var response = await page.RunAndWaitForResponseAsync(
            () => target.ClickAsync(), r => r.Request.Method == method && r.Request.IsNavigationRequest && r.Frame == page.MainFrame);
        await page.WaitForFunctionAsync($"() => window.{StaleMark} !== true && document.readyState === 'complete'");
        return response;
    }
}
