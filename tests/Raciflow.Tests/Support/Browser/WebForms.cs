using System.Net;
using System.Text.RegularExpressions;

namespace Raciflow.Tests.Support.Browser;

/// <summary>Plays a browser's part over plain HTTP: reads the antiforgery field of a page and signs in at /login.</summary>
public static partial class WebForms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="pageWithForm"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string pageWithForm, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create(AntiforgeryField, AntiforgeryToken(pageWithForm)));
        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(path, content);
    }

    /// <summary>Signs in with a token as the login page does; returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string token)
    {
        var login = await http.GetStringAsync("/login");
        return await PostAsync(http, "/login", login, ("token", token), ("returnUrl", "/raci"));
    }

    [GeneratedRegex("name=\"" + AntiforgeryField + "\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
