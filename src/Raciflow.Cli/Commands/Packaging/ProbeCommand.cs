using System.ComponentModel;
using System.Globalization;
using Raciflow.Governance.Authorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Packaging;

/// <summary>
/// <c>raciflow probe URL</c>: exits 0 when a GET answers 2xx, non-zero otherwise. The container health check,
/// because the ASP.NET runtime image has no curl or wget.
/// </summary>
[NotGoverned("read-only: one HTTP GET, no workspace")]
public sealed class ProbeCommand : AsyncCommand<ProbeCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw RaciflowException.Invalid($"'{settings.Url}' is not an http:// or https:// URL.", "URL");
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(settings.Timeout) };
            using var response = await GetAsync(http, url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw RaciflowException.Unavailable($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (!settings.Quiet)
            {
                System.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}."));
            }

            return 0;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(ex, json: false);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw RaciflowException.Unavailable($"{url} cannot be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw RaciflowException.Unavailable($"{url} did not answer within {http.Timeout.TotalSeconds:0} s.", ex);
        }
    }

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<URL>")]
        [Description("URL to GET, e.g. http://127.0.0.1:8080/health/ready.")]
        public string Url { get; init; } = string.Empty;

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up after this many seconds (default 5).")]
        [DefaultValue(5)]
        public int Timeout { get; init; } = 5;

        [CommandOption("-q|--quiet")]
        [Description("Print nothing on success (errors still go to stderr).")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate() =>
            Timeout is > 0 and <= 300 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be 1 to 300 seconds.");
    }
}
