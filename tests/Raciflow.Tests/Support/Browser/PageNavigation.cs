using Microsoft.Playwright;

namespace Raciflow.Tests.Support.Browser;

/// <summary>
/// Waits for the page a click navigates to by asking the document itself: the old document is marked, and the new
/// one has loaded once the mark is gone and its ready state is complete. Playwright's load-state events after the
/// response (response, then WaitForLoadState) timed out in CI under load although the page had loaded.
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

        // Polled from here, one evaluation at a time: Playwright's in-page polling (WaitForFunction) never ran its
        // timer in the sandboxed profile report, whose policy blocks the page's own scripts, and on animation frames
        // it timed out under load. Longer than Playwright's 30 s: the suite runs servers, browsers and S3 at once.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await IsNewDocumentLoadedAsync(page))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page after {method} {response.Url} ({response.Status}) did not load: {await StateAsync(page)}");
            }

            await Task.Delay(50);
        }

        return response;
    }

    private static async Task<bool> IsNewDocumentLoadedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>($"() => window.{StaleMark} !== true && document.readyState === 'complete'");
        }
        catch (PlaywrightException)
        {
            // The old document's context went away mid-evaluation: the navigation is under way.
            return false;
        }
    }

    /// <summary>What the page is doing, for a failure message: its URL, ready state and resources still loading.</summary>
    private static async Task<string> StateAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>(
                $"() => `${{location.href}}, readyState ${{document.readyState}}, stale mark ${{window.{StaleMark} === true}}, pending resources: ` + " +
                "(performance.getEntriesByType('resource').filter(e => e.responseEnd === 0).map(e => e.name).join(' ') || 'none')");
        }
        catch (PlaywrightException ex)
        {
            return "not readable: " + ex.Message;
        }
    }
}
